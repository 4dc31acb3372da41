import type { ErrorRequestHandler, Response } from 'express';
import type { Logger } from '../../observability/logger';

/** Every 4xx of the contract: `{ "error": code, "message": words }`. */
export function sendError(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ error: code, message });
}

/** Turns body-parser and unexpected failures into the contract's JSON errors. */
export function jsonErrorHandler(log: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    const e = err as { type?: string; status?: number; message?: string };
    if (e.type === 'entity.too.large') return sendError(res, 413, 'payload_too_large', 'The request body is over 256 KiB.');
    if (e.type === 'encoding.unsupported' || e.type === 'charset.unsupported') return sendError(res, 415, 'unsupported_encoding', e.message ?? 'Unsupported body encoding.');
    if (e.type === 'request.aborted') return sendError(res, 400, 'aborted', 'The request was aborted by the client.');
    if (typeof e.status === 'number' && e.status >= 400 && e.status < 500) return sendError(res, e.status, 'bad_request', e.message ?? 'Bad request.');
    log.error({ err, path: req.path }, 'request failed');
    res.status(500).json({ error: 'internal', message: 'The bot could not handle this request; it has been logged. Retry later.' });
  };
}
