import type { ChildProcess } from 'node:child_process';

export default async function globalTeardown(): Promise<void> {
  const child = (globalThis as { __irbotRedis?: ChildProcess }).__irbotRedis;
  if (child && child.exitCode === null) child.kill('SIGTERM');
}
