/**
 * Size limits for anything an alarm sender controls, so hostile or careless
 * input cannot bloat the incident store or the Slack messages built from it.
 */
export const MAX_TITLE = 300;
export const MAX_DETAIL_KEY = 100;
export const MAX_DETAIL_VALUE = 2000;
export const MAX_DETAILS = 50;

const ELLIPSIS = '…';

/** Collapses whitespace runs (titles are one line in Slack) and cuts to `max` characters. */
export function clipLine(text: string, max: number): string {
  return clip(text.replace(/\s+/g, ' ').trim(), max);
}

/** Cuts to `max` characters, marking the cut so a reader knows text is missing. */
export function clip(text: string, max: number): string {
  const chars = Array.from(text); // by code point, so an emoji is never split in half
  if (chars.length <= max) return text;
  return chars.slice(0, max - 1).join('') + ELLIPSIS;
}

export function boundedTitle(text: string): string {
  return clipLine(text, MAX_TITLE);
}

/** `level`/`irbot_level` values such as `L2` or `l3`; anything else is ignored. */
export function normaliseLevel(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim().toUpperCase();
  return /^L[1-9]$/.test(trimmed) ? trimmed : undefined;
}

/**
 * Builds the flat details map: drops empty values, clips keys and values, and
 * keeps at most MAX_DETAILS entries, saying how many were left out.
 */
export class DetailsBuilder {
  private readonly entries = new Map<string, string>();
  private omitted = 0;

  add(key: string, value: string | number | boolean | null | undefined): this {
    if (value === null || value === undefined) return this;
    const text = String(value).trim();
    if (text === '') return this;
    const k = clipLine(key, MAX_DETAIL_KEY);
    if (!this.entries.has(k) && this.entries.size >= MAX_DETAILS - 1) {
      this.omitted += 1;
      return this;
    }
    this.entries.set(k, clip(text, MAX_DETAIL_VALUE));
    return this;
  }

  addAll(prefix: string, record: Record<string, string> | undefined): this {
    for (const [key, value] of Object.entries(record ?? {})) this.add(`${prefix}${key}`, value);
    return this;
  }

  build(): Record<string, string> {
    const out = Object.fromEntries(this.entries);
    if (this.omitted > 0) out['omitted'] = `${this.omitted} more detail(s) not shown`;
    return out;
  }
}

/** Normalises a source timestamp to ISO 8601 (UTC); CloudWatch writes `+0000` offsets. */
export function isoTime(value: string | undefined | null, fallback: () => string): string {
  if (value) {
    const ms = Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
    if (!Number.isNaN(ms)) return new Date(ms).toISOString();
  }
  return fallback();
}
