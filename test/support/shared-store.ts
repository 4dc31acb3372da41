import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoIncidentStore } from '../../src/adapters/store/dynamo-incident-store';
import { createLocalClient, startEmbeddedDynamo } from '../../src/adapters/store/embedded-dynalite';
import { ensureTables } from '../../src/adapters/store/table-definitions';
import { foldIncident, type IncidentState } from '../../src/domain/incident-state';
import type { IncidentStore } from '../../src/app/ports';

/**
 * One DynamoDB-compatible store several bot processes share (as replicas share
 * DynamoDB): the embedded store served on loopback, reached with STORE=dynamodb.
 */
export interface SharedStore {
  store: IncidentStore;
  env: Record<string, string>;
  allIncidents(): Promise<IncidentState[]>;
  close(): Promise<void>;
}

export async function startSharedStore(): Promise<SharedStore> {
  const dataDir = mkdtempSync(join(tmpdir(), 'irbot-shared-'));
  const dynamo = await startEmbeddedDynamo({ dataDir });
  const tablePrefix = `t${Math.random().toString(36).slice(2, 8)}-`;
  const client = createLocalClient(dynamo.endpoint);
  await ensureTables(client, tablePrefix);
  const store = new DynamoIncidentStore(client, tablePrefix);
  return {
    store,
    env: {
      STORE: 'dynamodb',
      TABLE_PREFIX: tablePrefix,
      AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
      AWS_REGION: 'local',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
    },
    async allIncidents() {
      const ids = new Set<string>();
      for (const s of await store.listOpen()) ids.add(s.incidentId);
      const states: IncidentState[] = [];
      for (const id of ids) states.push(foldIncident(await store.load(id)));
      return states;
    },
    async close() {
      await store.close();
      await dynamo.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
