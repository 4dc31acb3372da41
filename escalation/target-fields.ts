import { isIPv4, isIPv6 } from 'node:net';
import { z } from 'zod';
import { describeValue, expecting } from './schema-fields';

/** Field shapes of the policy's `targets:` section, each with the operator-facing wording. */

/** A string field checked against a pattern, quoting what was written when it does not match. */
function patterned(pattern: RegExp, hint: string) {
  return z.string({ error: expecting(hint) }).regex(pattern, { error: (issue) => `${hint} (got ${describeValue(issue.input)})` });
}

// Partitions differ (cn-, us-gov-), so the shape is checked rather than a list that goes stale.
export const regionName = patterned(/^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/, 'expected an AWS region like ap-northeast-1');

export const ecsName = patterned(/^[A-Za-z0-9_-]{1,255}$/, 'expected an ECS name (1 to 255 letters, digits, - or _)');

export const envVarName = patterned(/^[A-Za-z_][A-Za-z0-9_]{0,254}$/, 'expected an environment variable name like DYNAMODB_EVENTS_TABLE');

/**
 * The longest suffix an action appends to a table name is
 * `-restored-yyyymmddHHMM` (22 characters); DynamoDB allows 255 in all.
 */
export const MAX_TARGET_TABLE_NAME = 255 - '-restored-yyyymmddHHMM'.length;
export const tableName = patterned(
  new RegExp(`^[A-Za-z0-9_.-]{3,${MAX_TARGET_TABLE_NAME}}$`),
  `expected a DynamoDB table name (3 to ${MAX_TARGET_TABLE_NAME} letters, digits, _ . or -, leaving room for the -restored-yyyymmddHHMM suffix)`,
);

export const hostedZoneId = patterned(/^Z[A-Z0-9]{1,31}$/, 'expected a Route 53 hosted zone ID like Z1234567890ABC');

const HOSTNAME = /^(?=.{1,253}\.?$)(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.?$/;
export function isHostname(text: string): boolean {
  return HOSTNAME.test(text);
}
export const hostname = patterned(HOSTNAME, 'expected a DNS name like api.example.com');

const HTTPS_HINT = 'expected an https:// URL like https://api.example.com/health';
// Credentials in the URL would be shown in every dry run and approval request.
export const httpsUrl = z.string({ error: expecting(HTTPS_HINT) }).refine(
  (text) => {
    try {
      const url = new URL(text);
      return url.protocol === 'https:' && url.username === '' && url.password === '' && url.hostname !== '';
    } catch {
      return false;
    }
  },
  { error: (issue) => `${HTTPS_HINT}, without user or password (got ${describeValue(issue.input)})` },
);

export const recordType = z.enum(['A', 'AAAA', 'CNAME'], { error: expecting('expected A, AAAA or CNAME') });

const TTL_HINT = 'expected a TTL in seconds from 1 to 172800';
export const ttlSeconds = z
  .number({ error: expecting(TTL_HINT) })
  .int({ error: expecting(TTL_HINT) })
  .min(1, { error: expecting(TTL_HINT) })
  .max(172_800, { error: expecting(TTL_HINT) });

/** Why a plain record value does not fit the record type, or undefined when it does. */
export function recordValueProblem(type: string, value: string): string | undefined {
  if (type === 'A' && !isIPv4(value)) return `expected an IPv4 address for an A record (got ${describeValue(value)})`;
  if (type === 'AAAA' && !isIPv6(value)) return `expected an IPv6 address for an AAAA record (got ${describeValue(value)})`;
  if (type === 'CNAME' && !isHostname(value)) return `expected a DNS name for a CNAME record (got ${describeValue(value)})`;
  return undefined;
}
