import { verifySlackRequest } from '@slack/bolt';
import express, { Router } from 'express';
import { BODY_LIMIT } from '../http/read-body';
import { sendError } from '../http/http-errors';

const SLACK_EVENTS = '/slack/events';

/**
 * The router Bolt's receiver is built on: it checks Slack's signature (and its
 * 5-minute freshness) with Bolt's own verifySlackRequest before Bolt's route,
 * so a refusal gets the contract's JSON body (Bolt's own 401 is empty). The
 * raw body is handed on as `req.rawBody`, which Bolt's receiver reads instead
 * of the stream; the receiver's own verification is off, so it is done once.
 */
export function signatureGateRouter(signingSecret: string): Router {
  const router = Router();
  router.post(SLACK_EVENTS, express.raw({ type: () => true, limit: BODY_LIMIT }), (req, res, next) => {
    const raw: unknown = req.body;
    const body = Buffer.isBuffer(raw) ? raw : Buffer.alloc(0);
    const signature = req.headers['x-slack-signature'];
    const timestamp = Number(req.headers['x-slack-request-timestamp']);
    try {
      if (typeof signature !== 'string' || !Number.isFinite(timestamp)) throw new Error('the X-Slack-Signature and X-Slack-Request-Timestamp headers are missing');
      verifySlackRequest({ signingSecret, body: body.toString('utf8'), headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestamp } });
    } catch (err) {
      return sendError(res, 401, 'bad_signature', `Not a request signed by Slack for this app within the last 5 minutes: ${err instanceof Error ? err.message : String(err)}`);
    }
    (req as express.Request & { rawBody?: Buffer }).rawBody = body;
    next();
  });
  return router;
}
