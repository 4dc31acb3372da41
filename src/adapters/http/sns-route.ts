import type { Request, Response } from 'express';
import type { AlarmSignal } from '../../domain/alarm';
import type { Logger } from '../../observability/logger';
import { AlarmInputError } from './alarms/alarm-input-error';
import { cloudWatchAlarmFromSns } from './alarms/cloudwatch';
import { parseSnsEnvelope } from './alarms/sns-message';
import { confirmSubscription } from './alarms/sns-subscription';
import type { createSnsVerifier } from './alarms/sns-verify';
import { sendError } from './http-errors';
import { parseJsonBody } from './read-body';

export interface SnsDeps {
  verifier: ReturnType<typeof createSnsVerifier>;
  certHostPattern: RegExp;
  /** Overridable so tests can trust their own loopback CA. */
  confirm?: (subscribeUrl: string) => Promise<void>;
  log: Logger;
}

/** Amazon SNS HTTP(S) subscription: verify the signature first, then act on the message type. */
export function snsHandler(deps: SnsDeps, accept: (signals: AlarmSignal[]) => Promise<void>) {
  return async (req: Request, res: Response): Promise<void> => {
    const body = parseJsonBody(req.body, res);
    if (body === undefined) return;
    try {
      const envelope = parseSnsEnvelope(body);
      await deps.verifier.verify(envelope);
      if (envelope.Type === 'SubscriptionConfirmation') {
        const url = envelope.SubscribeURL ?? '';
        await (deps.confirm ?? ((u: string) => confirmSubscription(u, { certHostPattern: deps.certHostPattern })))(url);
        deps.log.info({ topic: envelope.TopicArn }, 'SNS subscription confirmed');
        res.status(200).json({ confirmed: true });
        return;
      }
      if (envelope.Type === 'UnsubscribeConfirmation') {
        deps.log.warn({ topic: envelope.TopicArn }, 'SNS says this endpoint was unsubscribed; alarms from that topic stop arriving');
        res.status(200).json({ ok: true });
        return;
      }
      await accept([cloudWatchAlarmFromSns(envelope)]);
      res.status(200).json({ accepted: 1 });
    } catch (err) {
      if (err instanceof AlarmInputError) return sendError(res, err.status, err.code, err.message);
      throw err;
    }
  };
}
