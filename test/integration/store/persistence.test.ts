import { spawnSync } from 'child_process';
import { promises as fs } from 'fs';
import path from 'path';
import { startEmbeddedDynamo } from '../../../src/adapters/store/embedded-dynalite';
import { startStore, tempDataDir } from './embedded-store';
import { opened, summary } from './fixtures';

let dataDir: string;

beforeEach(async () => {
  dataDir = await tempDataDir();
});

afterEach(async () => {
  await fs.rm(dataDir, { recursive: true, force: true });
});

const at = new Date('2024-05-01T02:00:00.000Z');

describe('embedded store on disk', () => {
  it('keeps events, keys, counters and summaries across a close and restart on the same folder', async () => {
    const first = await startStore(dataDir);
    const event = await first.store.append('inc-1', 0, opened, { kind: 'system' }, at);
    await first.store.claimDedupKey('k', 'inc-1');
    await first.store.nextIncidentNumber();
    await first.store.saveSummary(summary({ incidentId: 'inc-1', number: 1, channelId: 'C1' }), 0);
    await first.stop();

    const second = await startStore(dataDir);
    try {
      expect(await second.store.load('inc-1')).toStrictEqual([event]);
      expect(await second.store.dedupHolder('k')).toBe('inc-1');
      expect(await second.store.nextIncidentNumber()).toBe(2);
      expect((await second.store.findByChannel('C1'))?.incidentId).toBe('inc-1');
      expect(await fs.stat(path.join(dataDir, 'dynamo'))).toBeTruthy();
    } finally {
      await second.stop();
    }
  });

  it('refuses to open a folder this process already has open', async () => {
    const first = await startEmbeddedDynamo({ dataDir });
    try {
      await expect(startEmbeddedDynamo({ dataDir })).rejects.toThrow(/already open in this process/);
    } finally {
      await first.close();
    }
  });

  it('refuses a folder another live process holds, naming the process and DATA_DIR', async () => {
    const dir = path.join(dataDir, 'dynamo');
    await fs.mkdir(dir, { recursive: true });
    // The test runner's parent process is alive and is not us.
    await fs.writeFile(path.join(dir, 'irbot.lock'), String(process.ppid));

    await expect(startEmbeddedDynamo({ dataDir })).rejects.toThrow(new RegExp(`process ${process.ppid}.*DATA_DIR`));
  });

  it('takes over a lock left by a process that died', async () => {
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    const dir = path.join(dataDir, 'dynamo');
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(path.join(dir, 'irbot.lock'), String(dead));

    const running = await startStore(dataDir);
    try {
      await expect(running.store.ping()).resolves.toBeUndefined();
    } finally {
      await running.stop();
    }
  });

  it('closes twice without error and then no longer answers', async () => {
    const running = await startStore(dataDir);
    await running.stop();
    await running.embedded.close();

    const again = await startStore(dataDir);
    await again.embedded.close();
    await expect(again.store.ping()).rejects.toThrow();
    await again.store.close();
  });
});
