import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';
import { promises as fs } from 'fs';
import type { Server } from 'http';
import type { AddressInfo } from 'net';
import path from 'path';
import { lockDataDir } from './data-dir-lock';

export interface EmbeddedDynamo {
  /** `http://127.0.0.1:<port>`, for `createLocalClient`. */
  endpoint: string;
  /** Stops taking requests, lets running ones finish, closes the database. Safe to call twice. */
  close(): Promise<void>;
}

/**
 * Runs a DynamoDB-compatible server in this process, on loopback only and on a
 * port the OS picks (so tests and a running bot never collide), persisting
 * under `<dataDir>/dynamo`.
 */
export async function startEmbeddedDynamo(opts: { dataDir: string }): Promise<EmbeddedDynamo> {
  const dir = path.resolve(opts.dataDir, 'dynamo');
  await fs.mkdir(dir, { recursive: true });
  const unlock = await lockDataDir(dir);

  // Real DynamoDB takes seconds to create a table; locally there is no reason to wait.
  const server = dynalite({ path: dir, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  try {
    await listen(server);
  } catch (err) {
    await unlock();
    throw err;
  }
  const { port } = server.address() as AddressInfo;

  let closing: Promise<void> | undefined;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close() {
      closing ??= stop(server).finally(unlock);
      return closing;
    },
  };
}

function listen(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function stop(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((err) => (err ? reject(err) : resolve()));
    // Keep-alive sockets of clients nobody destroyed would hold the close open forever.
    server.closeIdleConnections();
  });
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
