/**
 * `npm run test:faults`: the fault campaign (issue 6). Its files end in
 * `.fault.ts`, which the main config's `*.test.ts` never matches, so `npm test`
 * does not run them. One suite at a time: they kill processes, restart Redis
 * and compare latencies, and must not share the 2 cores with each other.
 * @type {import('jest').Config}
 */
module.exports = {
  rootDir: '../..',
  testEnvironment: 'node',
  roots: ['<rootDir>/test/faults'],
  testMatch: ['**/*.fault.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  testTimeout: 180000,
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  maxWorkers: 1,
};
