import express, { type RequestHandler } from 'express';
import { sendError } from './http-errors';

export const BODY_LIMIT = '256kb';

/**
 * Reads the raw body as text (up to 256 KiB) for the listed media types; any
 * other Content-Type is refused with 415 before a byte is read.
 */
export function readTextBody(mediaTypes: string[]): RequestHandler[] {
  const accept: RequestHandler = (req, res, next) => {
    const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    if (!mediaTypes.includes(type)) {
      return sendError(res, 415, 'unsupported_media_type', `Content-Type must be ${mediaTypes.join(' or ')} (got "${type || 'none'}").`);
    }
    next();
  };
  return [accept, express.text({ type: () => true, limit: BODY_LIMIT })];
}

/** Parses the text body as JSON; undefined after it has answered 400. */
export function parseJsonBody(body: unknown, res: express.Response): unknown {
  if (typeof body !== 'string' || body.trim() === '') {
    sendError(res, 400, 'malformed', 'The body is empty; expected a JSON object.');
    return undefined;
  }
  try {
    return JSON.parse(body) as unknown;
  } catch (err) {
    sendError(res, 400, 'malformed', `The body is not valid JSON: ${(err as Error).message}`);
    return undefined;
  }
}
