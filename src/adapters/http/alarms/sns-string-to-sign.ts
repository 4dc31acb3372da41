import type { SnsEnvelope } from './sns-message';

/**
 * The canonical text SNS signs, as AWS documents it ("Verifying the signatures
 * of Amazon SNS messages"): selected fields in this fixed (byte-sorted) order,
 * each written as `Name\nValue\n`. `Subject` appears only when the message has one.
 */
const NOTIFICATION_FIELDS = ['Message', 'MessageId', 'Subject', 'Timestamp', 'TopicArn', 'Type'] as const;
const CONFIRMATION_FIELDS = ['Message', 'MessageId', 'SubscribeURL', 'Timestamp', 'Token', 'TopicArn', 'Type'] as const;

export function snsStringToSign(msg: SnsEnvelope): string {
  const fields = msg.Type === 'Notification' ? NOTIFICATION_FIELDS : CONFIRMATION_FIELDS;
  const record = msg as unknown as Record<string, string | null | undefined>;
  let out = '';
  for (const name of fields) {
    const value = record[name];
    if (value === undefined || value === null) continue;
    out += `${name}\n${value}\n`;
  }
  return out;
}
