import type { Subcommand } from './command-types';
import { backups } from './backups';
import { drill } from './drill';
import { declare } from './declare';
import { list } from './list';
import { ack, escalate, resolve } from './respond-commands';
import { run } from './run-action';
import { status } from './status';
import { timeline } from './timeline';

/** Every `/incident` subcommand, in the order `/incident help` lists them. */
export const subcommands: Subcommand[] = [declare, ack, escalate, status, run, resolve, timeline, list, backups, drill];
