import { z } from 'zod';
import { AlarmInputError } from './alarm-input-error';
import { parseInput } from './input-issues';

// SNS documents no size limits for these; the caps only stop absurd values (a
// Message is at most 256 KiB, which the HTTP body limit already enforces).
const id = z.string().min(1).max(256);
const url = z.string().min(1).max(2048);

const signed = {
  MessageId: id,
  TopicArn: z.string().min(1).max(1024),
  Message: z.string(),
  Timestamp: z.string().min(1).max(64),
  SignatureVersion: z.enum(['1', '2']),
  Signature: z.string().min(1).max(4096),
  SigningCertURL: url,
};

// Unknown fields are allowed (AWS adds some, e.g. MessageAttributes); they are not signed.
const notificationSchema = z.object({
  Type: z.literal('Notification'),
  ...signed,
  // Absent when the publisher gave none; tolerate `null` the same way.
  Subject: z.string().max(1024).nullish(),
  UnsubscribeURL: url.optional(),
});

const confirmationFields = {
  ...signed,
  Token: z.string().min(1).max(2048),
  SubscribeURL: url,
};

const subscriptionConfirmationSchema = z.object({ Type: z.literal('SubscriptionConfirmation'), ...confirmationFields });
const unsubscribeConfirmationSchema = z.object({ Type: z.literal('UnsubscribeConfirmation'), ...confirmationFields });

export type SnsNotification = z.infer<typeof notificationSchema>;
export type SnsSubscriptionConfirmation = z.infer<typeof subscriptionConfirmationSchema>;
export type SnsUnsubscribeConfirmation = z.infer<typeof unsubscribeConfirmationSchema>;
export type SnsEnvelope = SnsNotification | SnsSubscriptionConfirmation | SnsUnsubscribeConfirmation;
export type SnsMessageType = SnsEnvelope['Type'];

const schemas = {
  Notification: notificationSchema,
  SubscriptionConfirmation: subscriptionConfirmationSchema,
  UnsubscribeConfirmation: unsubscribeConfirmationSchema,
} as const;

function isMessageType(value: unknown): value is SnsMessageType {
  return typeof value === 'string' && Object.hasOwn(schemas, value);
}

/**
 * Validates an SNS HTTP(S) delivery. SNS posts JSON as `text/plain`, so `body`
 * may be the raw string or the already parsed object. Throws AlarmInputError 400.
 * This only checks shape; `createSnsVerifier` decides whether to trust it.
 */
export function parseSnsEnvelope(body: unknown): SnsEnvelope {
  const doc = typeof body === 'string' ? parseJson(body) : body;
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new AlarmInputError('malformed', 'body: expected an SNS message (a JSON object)');
  }
  const type = (doc as Record<string, unknown>)['Type'];
  if (type === undefined) throw new AlarmInputError('missing_field', 'Type: is required');
  if (!isMessageType(type)) {
    throw new AlarmInputError('malformed', `Type: must be one of "Notification", "SubscriptionConfirmation", "UnsubscribeConfirmation"`);
  }
  return parseInput(schemas[type], doc);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new AlarmInputError('malformed', 'body: is not valid JSON');
  }
}
