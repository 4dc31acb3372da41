import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { promises as fs } from 'fs';
import path from 'path';
import { Worker } from 'worker_threads';
import { lockDataDir } from './data-dir-lock';

export interface EmbeddedDynamo {
  /** `http://127.0.0.1:<port>`, for `createLocalClient`. */
  endpoint: string;
  /** Stops taking requests, lets running ones finish, closes the database. Safe to call twice. */
  close(): Promise<void>;
}

type ThreadMessage = { port: number } | { error: string } | { closed: true; error?: string };

/**
 * The store's own thread: dynalite and its database are about a third of the
 * bot's CPU in an alarm storm, and on their own thread they use the second
 * core instead of delaying pages (bench: alarm storm). Plain JavaScript run
 * with `eval`, so the same code works from the build and under ts-jest.
 */
const THREAD_SOURCE = `
const { parentPort, workerData } = require('worker_threads');
const dynalite = require(workerData.dynalitePath);
// Real DynamoDB takes seconds to create a table; locally there is no reason to wait.
const server = dynalite({ path: workerData.dir, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
server.once('error', (err) => parentPort.postMessage({ error: String(err && err.message || err) }));
server.listen(0, '127.0.0.1', () => parentPort.postMessage({ port: server.address().port }));
parentPort.on('message', (msg) => {
  if (msg !== 'close') return;
  server.close((err) => parentPort.postMessage({ closed: true, error: err ? String(err.message || err) : undefined }));
  // Keep-alive sockets of clients nobody destroyed would hold the close open forever.
  server.closeIdleConnections();
});
`;

/**
 * Runs a DynamoDB-compatible server in this process (on its own thread), on
 * loopback only and on a port the OS picks (so tests and a running bot never
 * collide), persisting under `<dataDir>/dynamo`.
 */
export async function startEmbeddedDynamo(opts: { dataDir: string }): Promise<EmbeddedDynamo> {
  const dir = path.resolve(opts.dataDir, 'dynamo');
  await fs.mkdir(dir, { recursive: true });
  const unlock = await lockDataDir(dir);
  const thread = new Worker(THREAD_SOURCE, { eval: true, workerData: { dir, dynalitePath: require.resolve('dynalite') } });
  let port: number;
  let onError: (err: Error) => void = () => undefined;
  let onExit: (code: number) => void = () => undefined;
  let onMessage: (msg: ThreadMessage) => void = () => undefined;
  try {
    port = await new Promise<number>((resolve, reject) => {
      onError = reject;
      onExit = (code) => reject(new Error(`the embedded store's thread exited (code ${code}) before it listened`));
      onMessage = (msg) => ('port' in msg ? resolve(msg.port) : reject(new Error(`the embedded store did not start: ${'error' in msg ? msg.error : 'unknown'}`)));
      thread.on('error', onError).on('exit', onExit).on('message', onMessage);
    });
  } catch (err) {
    await thread.terminate();
    await unlock();
    throw err;
  } finally {
    // Only ours: Worker keeps internal listeners of its own on these events.
    thread.off('error', onError).off('exit', onExit).off('message', onMessage);
  }
  thread.on('error', () => undefined);

  let closing: Promise<void> | undefined;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close() {
      closing ??= stop(thread).finally(unlock);
      return closing;
    },
  };
}

/** Closes the server and its database on the thread, then ends the thread. */
async function stop(thread: Worker): Promise<void> {
  const closed = new Promise<void>((resolve, reject) => {
    thread.once('message', (msg: ThreadMessage) => ('closed' in msg && msg.error ? reject(new Error(msg.error)) : resolve()));
    thread.once('exit', () => resolve());
  });
  thread.postMessage('close');
  try {
    await closed;
  } finally {
    await thread.terminate();
  }
}

/**
 * A client for the embedded store. It checks no signature, but the SDK insists
 * on credentials and a region; fixed dummies keep it from reading the
 * operator's AWS profile.
 */
export function createLocalClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({
    endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    requestHandler: { connectionTimeout: 2_000, requestTimeout: 10_000 },
  });
}
