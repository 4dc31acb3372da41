import { createStore } from '../../src/adapters/store/create-store';
import type { IncidentEvent } from '../../src/domain/events';
import { foldIncident, type IncidentState } from '../../src/domain/incident-state';

export interface StoredIncident {
  state: IncidentState;
  events: IncidentEvent[];
}

/** Every open incident a stopped bot left in its local store (DATA_DIR), with its events. */
export async function storedOpenIncidents(dataDir: string): Promise<StoredIncident[]> {
  const { store, close } = await createStore({ store: 'local', dataDir, tablePrefix: 'irbot-' });
  try {
    const found: StoredIncident[] = [];
    for (const summary of await store.listOpen()) {
      const events = await store.load(summary.incidentId);
      found.push({ state: foldIncident(events), events });
    }
    return found;
  } finally {
    await close();
  }
}
