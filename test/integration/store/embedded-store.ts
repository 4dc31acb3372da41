import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { DynamoIncidentStore } from '../../../src/adapters/store/dynamo-incident-store';
import { createLocalClient, startEmbeddedDynamo, type EmbeddedDynamo } from '../../../src/adapters/store/embedded-dynalite';
import { ensureTables } from '../../../src/adapters/store/table-definitions';

export async function tempDataDir(): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), 'irbot-store-'));
}

export interface RunningStore {
  store: DynamoIncidentStore;
  client: DynamoDBClient;
  embedded: EmbeddedDynamo;
  stop(): Promise<void>;
}

/** The real embedded store on `dataDir`, tables created, as production local mode runs it. */
export async function startStore(dataDir: string, prefix = 'irbot-'): Promise<RunningStore> {
  const embedded = await startEmbeddedDynamo({ dataDir });
  const client = createLocalClient(embedded.endpoint);
  await ensureTables(client, prefix);
  const store = new DynamoIncidentStore(client, prefix, { ownsClient: true });
  return {
    store,
    client,
    embedded,
    async stop() {
      await store.close();
      await embedded.close();
    },
  };
}

/** A fresh prefix per test keeps tests in one file from seeing each other's rows. */
let counter = 0;
export function freshPrefix(): string {
  counter += 1;
  return `t${counter}-`;
}

/**
 * One embedded store per test file and fresh tables per test: registers the
 * jest hooks and returns a getter for the current test's store.
 */
export function useFreshStorePerTest(): { store(): DynamoIncidentStore; running(): RunningStore } {
  let dataDir: string;
  let running: RunningStore;
  let store: DynamoIncidentStore;
  beforeAll(async () => {
    dataDir = await tempDataDir();
    running = await startStore(dataDir);
  });
  afterAll(async () => {
    await running.stop();
    await fs.rm(dataDir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    const prefix = freshPrefix();
    await ensureTables(running.client, prefix);
    store = new DynamoIncidentStore(running.client, prefix);
  });
  return { store: () => store, running: () => running };
}
