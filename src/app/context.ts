import type { Policy } from '../../escalation/policy-types';
import type { Logger } from '../observability/logger';
import type { Metrics } from '../observability/metrics';
import type { AwsClients, HttpProbe } from '../actions/action-types';
import type { Chat, Clock, IncidentStore, JobQueue } from './ports';

/** What every use case and job handler gets: the ports and the loaded policy. */
export interface AppContext {
  store: IncidentStore;
  queue: JobQueue;
  chat: Chat;
  clock: Clock;
  policy: Policy;
  metrics: Metrics;
  log: Logger;
  actionsMode: 'dry-run' | 'live';
  /** What recovery actions run with; tests mock AWS at the SDK-command level. */
  actions: { aws: AwsClients; http: HttpProbe; sleep(ms: number): Promise<void> };
}
