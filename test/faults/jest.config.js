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
  // Every case runs, worker-kill included: the duplicates it used to find (an effect
  // Slack performed whose answer a killed worker never got) are now recognised by the
  // sent-ledger and Slack's own record (src/adapters/slack/post-once.ts, channel-opener.ts).
  testPathIgnorePatterns: ['/node_modules/'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  testTimeout: 180000,
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  maxWorkers: 1,
};
