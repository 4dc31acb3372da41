/**
 * `npm test` runs jest twice: first every suite two at a time, then the
 * `*.serial.test.ts` suites alone (JEST_SERIAL=1), because they measure
 * latency against a deadline the issue sets and must not share 2 cores with
 * other suites' bot processes.
 * @type {import('jest').Config}
 */
const serial = process.env.JEST_SERIAL === '1';

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: serial ? ['**/*.serial.test.ts'] : ['**/*.test.ts'],
  testPathIgnorePatterns: serial ? ['/node_modules/'] : ['/node_modules/', '\\.serial\\.test\\.ts$'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  testTimeout: 60000,
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  maxWorkers: serial ? 1 : 2,
};
