import { spawnSync } from 'node:child_process';

const BINARY = 'prometheus-alertmanager';

function installed(): boolean {
  return spawnSync(BINARY, ['--version'], { stdio: 'ignore' }).status === 0;
}

/**
 * Finds Debian's Alertmanager, installing the package when it is missing and
 * apt-get can run here. Returns the binary, or why the comparison is skipped.
 */
export function ensureAlertmanager(log: (line: string) => void): { binary: string } | { skipped: string } {
  if (installed()) return { binary: BINARY };
  if (spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status !== 0) return { skipped: 'prometheus-alertmanager is not installed and there is no apt-get here' };
  if (process.getuid?.() !== 0) return { skipped: 'prometheus-alertmanager is not installed; run as root (or apt-get install prometheus-alertmanager) to compare' };
  log('bench: prometheus-alertmanager is missing; installing it with apt-get (Debian package) for the side-by-side comparison…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  let result = spawnSync('apt-get', ['install', '-y', '-qq', BINARY], { stdio: 'ignore', env, timeout: 180_000 });
  if (result.status !== 0) {
    // A fresh machine may have no package lists yet.
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'ignore', env, timeout: 180_000 });
    result = spawnSync('apt-get', ['install', '-y', '-qq', BINARY], { stdio: 'ignore', env, timeout: 180_000 });
  }
  return installed() ? { binary: BINARY } : { skipped: 'apt-get could not install prometheus-alertmanager' };
}
