// Tests run on ts-jest in transpile-only mode: the type check is its own step
// (npm run typecheck). Each test file gets a fresh database
// copied from a migrated template that globalSetup makes once.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }] },
  moduleNameMapper: { '^#prisma$': '<rootDir>/src/generated/sqlite/client' },
  globalSetup: '<rootDir>/tests/support/global-setup.js',
  globalTeardown: '<rootDir>/tests/support/global-teardown.js',
  testTimeout: 30000,
  maxWorkers: 2,
};
