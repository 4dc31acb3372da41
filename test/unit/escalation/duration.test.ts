import { formatDuration, parseDuration } from '../../../escalation/duration';

const S = 1_000;
const M = 60 * S;
const H = 60 * M;

describe('parseDuration', () => {
  it.each([
    ['30s', 30 * S],
    ['15m', 15 * M],
    ['1h', H],
    ['1h30m', H + 30 * M],
    ['1h0m', H],
    ['2h15m10s', 2 * H + 15 * M + 10 * S],
    ['90m', 90 * M],
    ['4h', 4 * H],
  ])('reads %s as %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each([
    ['', 'empty'],
    ['0s', 'zero'],
    ['0h0m', 'zero in parts'],
    ['-5m', 'negative'],
    ['1.5h', 'a fraction'],
    ['15', 'no unit'],
    ['1d', 'days'],
    ['100ms', 'milliseconds'],
    ['15M', 'an upper-case unit'],
    ['15 minutes', 'words'],
    ['15 m', 'a space'],
    [' 15m', 'leading space'],
    ['30m1h', 'units out of order'],
    ['1h1h', 'a repeated unit'],
    ['h', 'a unit alone'],
    ['99999999999999999999h', 'a number too large to be exact'],
  ])('rejects %j (%s)', (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });
});

describe('formatDuration', () => {
  it.each([
    [H + 30 * M, '1h 30m'],
    [45 * S, '45s'],
    [4 * H, '4h'],
    [15 * M, '15m'],
    [2 * H + 5 * S, '2h 5s'],
    [26 * H, '26h'],
    [0, '0s'],
    [999, '0s'],
    [90 * S + 500, '1m 30s'],
    [-(H + 30 * M), '-1h 30m'],
    [-500, '0s'],
  ])('formats %d ms as %j', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('round-trips every duration it is given in whole seconds', () => {
    for (const text of ['30s', '15m', '1h', '1h30m', '2h15m10s']) {
      const ms = parseDuration(text) as number;
      expect(parseDuration(formatDuration(ms).replace(/ /g, ''))).toBe(ms);
    }
  });

  it('refuses a non-finite number, which can only be a caller bug', () => {
    expect(() => formatDuration(Number.NaN)).toThrow(RangeError);
  });
});
