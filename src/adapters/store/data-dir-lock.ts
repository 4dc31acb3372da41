import { promises as fs } from 'fs';
import path from 'path';

const heldHere = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readOwner(file: string): Promise<number | undefined> {
  try {
    const pid = Number((await fs.readFile(file, 'utf8')).trim());
    return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/**
 * Makes `dir` this process's alone. LevelDB allows one opener per folder, and
 * dynalite turns a second opener's failure into an uncaught exception on the
 * first request; a lock file lets us refuse up front with a sentence instead.
 * A lock left by a dead process (or by an earlier life of this pid, as in a
 * restarted container) is taken over.
 *
 * Returns the function that gives the folder back.
 */
export async function lockDataDir(dir: string): Promise<() => Promise<void>> {
  const file = path.join(dir, 'irbot.lock');
  if (heldHere.has(file)) throw new Error(`the embedded store in ${dir} is already open in this process`);

  // Written aside then linked into place, so the lock never exists without its pid.
  const draft = `${file}.${process.pid}.${Date.now()}`;
  await fs.writeFile(draft, String(process.pid));
  try {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        await fs.link(draft, file);
        heldHere.add(file);
        return async () => {
          heldHere.delete(file);
          if ((await readOwner(file)) === process.pid) await fs.rm(file, { force: true });
        };
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
      const owner = await readOwner(file);
      if (owner !== undefined && owner !== process.pid && isAlive(owner)) {
        throw new Error(
          `the embedded store in ${dir} is in use by process ${owner}: stop that process or set DATA_DIR to another folder`,
        );
      }
      await fs.rm(file, { force: true });
    }
    throw new Error(`could not lock the embedded store in ${dir}: another process keeps taking it`);
  } finally {
    await fs.rm(draft, { force: true });
  }
}
