import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { promises as fs } from 'fs';
import { createStore } from '../../../src/adapters/store/create-store';
import { createLocalClient, startEmbeddedDynamo, type EmbeddedDynamo } from '../../../src/adapters/store/embedded-dynalite';
import { describeTable, ensureTables, tableDefinitions } from '../../../src/adapters/store/table-definitions';
import { opened } from './fixtures';
import { tempDataDir } from './embedded-store';

let dataDir: string;
let embedded: EmbeddedDynamo;

beforeEach(async () => {
  dataDir = await tempDataDir();
});

afterEach(async () => {
  await embedded?.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

describe('tables', () => {
  it('names the three tables with the prefix', () => {
    expect(tableDefinitions('irbot-').map((t) => t.TableName)).toEqual(['irbot-incident-events', 'irbot-incidents', 'irbot-keys']);
  });

  it('creates them when two callers ensure them at the same moment, and again when they exist', async () => {
    embedded = await startEmbeddedDynamo({ dataDir });
    const client = createLocalClient(embedded.endpoint);
    try {
      await Promise.all([ensureTables(client, 'p-'), ensureTables(client, 'p-')]);
      await ensureTables(client, 'p-');

      const { TableNames } = await client.send(new ListTablesCommand({}));
      expect(TableNames).toEqual(['p-incident-events', 'p-incidents', 'p-keys']);
      const incidents = await describeTable(client, 'p-incidents');
      expect(incidents?.TableStatus).toBe('ACTIVE');
      expect(incidents?.GlobalSecondaryIndexes?.map((g) => [g.IndexName, g.IndexStatus])).toEqual([['channelId-index', 'ACTIVE']]);
    } finally {
      client.destroy();
    }
  });
});

describe('createStore', () => {
  it('local: starts the embedded store under DATA_DIR with its tables and answers ping', async () => {
    const handle = await createStore({ store: 'local', dataDir, tablePrefix: 'irbot-' });
    try {
      await handle.store.append('inc-1', 0, opened, { kind: 'system' }, new Date());
      await expect(handle.store.ping()).resolves.toBeUndefined();
      expect(await handle.store.load('inc-1')).toHaveLength(1);
    } finally {
      await handle.close();
      await handle.close();
    }
  });

  describe('dynamodb, through AWS_ENDPOINT_URL_DYNAMODB', () => {
    const saved = { ...process.env };
    beforeEach(async () => {
      embedded = await startEmbeddedDynamo({ dataDir });
      delete process.env.AWS_PROFILE;
      Object.assign(process.env, {
        AWS_ENDPOINT_URL_DYNAMODB: embedded.endpoint,
        AWS_REGION: 'eu-west-1',
        AWS_ACCESS_KEY_ID: 'test',
        AWS_SECRET_ACCESS_KEY: 'test',
      });
    });
    afterEach(() => {
      process.env = { ...saved };
    });

    it('does not create tables in the account; it names the missing ones and points at the README', async () => {
      const client = createLocalClient(embedded.endpoint);
      try {
        // Another deployment's tables, under another prefix, do not count.
        await ensureTables(client, 'other-');

        const attempt = createStore({ store: 'dynamodb', dataDir, tablePrefix: 'irbot-' });

        await expect(attempt).rejects.toThrow(/irbot-incident-events is missing.*irbot-incidents is missing.*irbot-keys is missing.*README/);
        await expect(attempt).rejects.toMatchObject({ code: 'store_tables_missing' });
        await expect(attempt).rejects.toThrow(/eu-west-1/);
        const { TableNames } = await client.send(new ListTablesCommand({}));
        expect(TableNames).toEqual(['other-incident-events', 'other-incidents', 'other-keys']);
      } finally {
        client.destroy();
      }
    });

    it('uses the tables once they exist', async () => {
      const client = createLocalClient(embedded.endpoint);
      await ensureTables(client, 'irbot-');
      client.destroy();

      const handle = await createStore({ store: 'dynamodb', dataDir, tablePrefix: 'irbot-' });
      try {
        await handle.store.append('inc-1', 0, opened, { kind: 'system' }, new Date());
        expect(await handle.store.load('inc-1')).toHaveLength(1);
        await expect(handle.store.ping()).resolves.toBeUndefined();
      } finally {
        await handle.close();
      }
    });
  });
});
