import { closestName } from '../../escalation/closest-name';
import type { Targets } from '../../escalation/policy-types';
import { REQUESTED_AT_PARAM, type ParamsResult } from './action-types';

// A zone is required: "10:00" read as JST or as UTC is nine hours of data apart.
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;
const ISO_HINT = 'expected an ISO time with a zone like 2025-07-11T10:00:00Z';

/**
 * Reads `/incident run` words for one action, collecting every problem as
 * `key: what is wrong` so the responder fixes them all in one go.
 */
export class ParamReader {
  readonly errors: string[] = [];

  constructor(
    private readonly args: Record<string, string>,
    known: readonly string[],
  ) {
    for (const key of Object.keys(args)) {
      if (key === REQUESTED_AT_PARAM || known.includes(key)) continue;
      const guess = closestName(key, known);
      const expected = known.length === 0 ? 'this action takes no parameters' : guess ? `did you mean ${guess}?` : `expected ${known.join(', ')}`;
      this.errors.push(`${key}: unknown parameter (${expected})`);
    }
  }

  optional(key: string): string | undefined {
    const value = this.args[key];
    if (value === undefined) return undefined;
    if (value.trim() === '') {
      this.errors.push(`${key}: empty value`);
      return undefined;
    }
    return value.trim();
  }

  required(key: string, hint: string): string | undefined {
    const value = this.optional(key);
    if (value === undefined && !this.errors.some((line) => line.startsWith(`${key}:`))) this.errors.push(`${key}: required (${hint})`);
    return value;
  }

  /** One of the targets' tables, or `all` when allowed (→ every table). */
  tables(key: string, targets: Targets, value: string | undefined, allowAll: boolean): string[] {
    if (value === undefined) return [];
    if (allowAll && value === 'all') return [...targets.dynamodb.tables];
    if (targets.dynamodb.tables.includes(value)) return [value];
    const options = allowAll ? ['all', ...targets.dynamodb.tables] : targets.dynamodb.tables;
    this.errors.push(`${key}: unknown table "${value}" (expected one of ${options.join(', ')})`);
    return [];
  }

  time(key: string, value: string | undefined): Date | undefined {
    if (value === undefined) return undefined;
    const parsed = ISO_TIME.test(value) ? new Date(value) : undefined;
    if (parsed === undefined || Number.isNaN(parsed.getTime())) {
      this.errors.push(`${key}: ${ISO_HINT} (got "${value}")`);
      return undefined;
    }
    return parsed;
  }

  wholeNumber(key: string, value: string | undefined, min: number, max: number): number | undefined {
    if (value === undefined) return undefined;
    const n = /^\d+$/.test(value) ? Number(value) : NaN;
    if (!Number.isSafeInteger(n) || n < min || n > max) {
      this.errors.push(`${key}: expected a whole number from ${min} to ${max} (got "${value}")`);
      return undefined;
    }
    return n;
  }

  oneOf<T extends string>(key: string, value: string | undefined, options: readonly T[]): T | undefined {
    if (value === undefined) return undefined;
    const found = options.find((option) => option === value);
    if (found === undefined) this.errors.push(`${key}: expected one of ${options.join(', ')} (got "${value}")`);
    return found;
  }

  /**
   * When the request was made, as ISO. The workflow should pass it
   * (REQUESTED_AT_PARAM); without it the parse time stands in, which is
   * still stable across retries because the parsed params are stored with
   * the request and reused.
   */
  requestedAt(): string {
    const given = this.args[REQUESTED_AT_PARAM];
    if (given === undefined) return new Date().toISOString();
    return this.time(REQUESTED_AT_PARAM, given)?.toISOString() ?? given;
  }

  result<P>(build: () => P): ParamsResult<P> {
    return this.errors.length > 0 ? { ok: false, errors: [...this.errors] } : { ok: true, params: build() };
  }
}
