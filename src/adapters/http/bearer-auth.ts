import { timingSafeEqual, createHash } from 'node:crypto';
import type { RequestHandler } from 'express';
import { sendError } from './http-errors';

/**
 * `Authorization: Bearer <ALARM_TOKEN>`, checked before the body is read. With
 * no token configured the routes refuse everything rather than stand open.
 */
export function requireBearer(token: string | undefined): RequestHandler {
  const expected = token ? digest(token) : undefined;
  return (req, res, next) => {
    if (!expected) return sendError(res, 401, 'alarm_token_unset', 'ALARM_TOKEN is not set on the bot, so this route refuses all requests. Set ALARM_TOKEN and send it as "Authorization: Bearer <token>".');
    const header = req.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match?.[1]) return sendError(res, 401, 'missing_token', 'Send the alarm token as "Authorization: Bearer <token>".');
    // Comparing digests keeps the comparison constant-time whatever the length sent.
    if (!timingSafeEqual(digest(match[1]), expected)) return sendError(res, 401, 'bad_token', 'The bearer token does not match ALARM_TOKEN.');
    next();
  };
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}
