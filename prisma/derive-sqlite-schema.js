#!/usr/bin/env node
// Derives prisma/sqlite/schema.prisma (the embedded default) from the SQL Server
// schema: only the provider, the client's output folder and native types differ.
'use strict';
const fs = require('fs');
const path = require('path');

const SOURCE = path.join(__dirname, 'schema.prisma');
const TARGET = path.join(__dirname, 'sqlite', 'schema.prisma');
const HEADER =
  '// GENERATED from prisma/schema.prisma by `npm run db:derive`. Do not edit.\n\n';

// Matched whatever the spacing (`prisma format` aligns the `=` of a block to
// its longest key); a schema in which one is missing is refused, never derived
// half-way.
const PROVIDER = /^(\s*provider\s*=\s*)"sqlserver"/m;
const OUTPUT = /^(\s*output\s*=\s*)"\.\.\/src\/generated\/sqlserver"/m;
const NATIVE_TYPE = / @db\.\w+(\([^)]*\))?/g;

function replaceOnce(text, pattern, replacement, what) {
  if (!pattern.test(text)) throw new Error(`prisma/schema.prisma: ${what} not found, cannot derive the SQLite schema`);
  return text.replace(pattern, replacement);
}

function deriveSqliteSchema(source) {
  let derived = replaceOnce(source, PROVIDER, '$1"sqlite"', 'provider = "sqlserver"');
  derived = replaceOnce(derived, OUTPUT, '$1"../../src/generated/sqlite"', 'output = "../src/generated/sqlserver"');
  return HEADER + derived.replace(NATIVE_TYPE, '');
}

function derivedSchemaIsCurrent() {
  const expected = deriveSqliteSchema(fs.readFileSync(SOURCE, 'utf8'));
  return fs.existsSync(TARGET) && fs.readFileSync(TARGET, 'utf8') === expected;
}

if (require.main === module) {
  fs.writeFileSync(TARGET, deriveSqliteSchema(fs.readFileSync(SOURCE, 'utf8')));
  console.log('prisma/sqlite/schema.prisma written');
}

module.exports = { deriveSqliteSchema, derivedSchemaIsCurrent, SOURCE, TARGET };
