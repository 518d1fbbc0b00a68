#!/usr/bin/env node
// Runs Prisma's CLI for the commands that need no database (generate, validate,
// format). Prisma wants its native schema engine downloaded for them, yet does
// not use it; pointing PRISMA_SCHEMA_ENGINE_BINARY at an existing file lets
// them run without network access.
'use strict';
const { spawnSync } = require('child_process');
const path = require('path');

const cli = require.resolve('prisma/build/index.js');
const env = { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY || __filename, PRISMA_HIDE_UPDATE_MESSAGE: '1' };
const result = spawnSync(process.execPath, [cli, ...process.argv.slice(2)], {
  stdio: 'inherit',
  env,
  cwd: path.resolve(__dirname, '..'),
});
process.exit(result.status ?? 1);
