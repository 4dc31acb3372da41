import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { IncidentStore } from '../../app/ports';
import { CachingIncidentStore } from './caching-incident-store';
import { assertTablesExist } from './check-tables';
import { DynamoIncidentStore } from './dynamo-incident-store';
import { createLocalClient, startEmbeddedDynamo } from './embedded-dynalite';
import { ensureTables } from './table-definitions';

export interface StoreConfig {
  store: 'local' | 'dynamodb';
  dataDir: string;
  tablePrefix: string;
  region?: string;
}

export interface StoreHandle {
  store: IncidentStore;
  /** Closes the store and, in local mode, the embedded server. Safe to call twice. */
  close(): Promise<void>;
}

export async function createStore(cfg: StoreConfig): Promise<StoreHandle> {
  return cfg.store === 'local' ? createLocal(cfg) : createDynamo(cfg);
}

async function createLocal(cfg: StoreConfig): Promise<StoreHandle> {
  const embedded = await startEmbeddedDynamo({ dataDir: cfg.dataDir });
  const client = createLocalClient(embedded.endpoint);
  const store = new CachingIncidentStore(new DynamoIncidentStore(client, cfg.tablePrefix, { ownsClient: true }));
  // The client goes first: its keep-alive sockets would otherwise hold the server's close open.
  const close = async (): Promise<void> => {
    await store.close();
    await embedded.close();
  };
  try {
    await ensureTables(client, cfg.tablePrefix);
  } catch (err) {
    await close();
    throw err;
  }
  return { store, close };
}

async function createDynamo(cfg: StoreConfig): Promise<StoreHandle> {
  // The standard chain: env, profile, SSO, ECS task role…; AWS_ENDPOINT_URL_DYNAMODB is read by the SDK itself.
  const client = new DynamoDBClient(cfg.region ? { region: cfg.region } : {});
  const store = new CachingIncidentStore(new DynamoIncidentStore(client, cfg.tablePrefix, { ownsClient: true }));
  try {
    await assertTablesExist(client, cfg.tablePrefix);
  } catch (err) {
    await store.close();
    throw err;
  }
  return { store, close: () => store.close() };
}
