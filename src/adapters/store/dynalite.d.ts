// dynalite ships no type definitions; this declares only the part irbot uses.
declare module 'dynalite' {
  import type { Server } from 'http';

  interface DynaliteOptions {
    /** LevelDB directory; in memory when absent. */
    path?: string;
    createTableMs?: number;
    deleteTableMs?: number;
    updateTableMs?: number;
    maxItemSizeKb?: number;
    verbose?: boolean;
    debug?: boolean;
  }

  /** An HTTP server speaking the DynamoDB JSON protocol; `close` also closes the database. */
  function dynalite(options?: DynaliteOptions): Server;

  export = dynalite;
}
