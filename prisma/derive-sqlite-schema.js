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

function deriveSqliteSchema(source) {
  return (
    HEADER +
    source
      .replace('provider = "sqlserver"', 'provider = "sqlite"')
      .replace('output              = "../src/generated/sqlserver"', 'output              = "../../src/generated/sqlite"')
      .replace(/ @db\.\w+(\([^)]*\))?/g, '')
  );
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
