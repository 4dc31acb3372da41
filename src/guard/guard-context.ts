import type { AppContext } from '../app/context';
import type { GuardState } from './guard-state';

/** What every guard task runs with: the app's ports and the guards' shared memory. */
export interface GuardContext {
  app: AppContext;
  state: GuardState;
}
