import { genericSignal } from '../../../src/adapters/http/alarms/generic';

const at = new Date('2024-05-14T10:20:31.000Z');

describe('generic alarm webhook', () => {
  it('turns a minimal body into an alarm signal keyed by its key', () => {
    expect(genericSignal({ key: 'backup-nightly', title: 'Nightly backup failed', state: 'alarm' }, at)).toEqual({
      source: 'generic',
      dedupKey: 'generic:backup-nightly',
      state: 'alarm',
      title: 'Nightly backup failed',
      details: {},
      occurredAt: '2024-05-14T10:20:31.000Z',
    });
  });

  it('keeps level and turns detail values into strings', () => {
    const signal = genericSignal(
      { key: 'k', title: '  Queue  depth high ', state: 'ok', level: 'l2', details: { queue: 'orders', depth: 15000, paused: false } },
      at,
    );
    expect(signal).toMatchObject({ state: 'ok', level: 'L2', title: 'Queue depth high', details: { queue: 'orders', depth: '15000', paused: 'false' } });
    expect(signal.deliveryId).toBeUndefined();
  });

  const ok = { key: 'k', title: 't', state: 'alarm' };
  it.each([
    ['an unknown field', { ...ok, titel: 'typo' }, 'unknown_field', 'body: unknown field(s) "titel"'],
    ['no key', { title: 't', state: 'alarm' }, 'missing_field', 'key: is required'],
    ['an empty key', { ...ok, key: '  ' }, 'malformed', 'key: must not be empty'],
    ['a key over 256 characters', { ...ok, key: 'k'.repeat(257) }, 'malformed', 'key: must be at most 256 characters'],
    ['a title over 300 characters', { ...ok, title: 't'.repeat(301) }, 'malformed', 'title: must be at most 300 characters'],
    ['state "firing"', { ...ok, state: 'firing' }, 'malformed', 'state: must be one of "alarm", "ok"'],
    ['level "P1"', { ...ok, level: 'P1' }, 'malformed', 'level: must be a level such as "L1", "L2" … "L9"'],
    ['a nested detail', { ...ok, details: { region: { name: 'eu' } } }, 'malformed', 'details.region: expected a string, a number or a boolean, got an object'],
    ['a detail value over 2000 characters', { ...ok, details: { log: 'x'.repeat(2001) } }, 'malformed', 'details.log: must be at most 2000 characters'],
    ['51 details', { ...ok, details: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`d${i}`, i])) }, 'malformed', 'details: must have at most 50 entries'],
    ['a JSON array', [ok], 'malformed', 'body: expected an object, got an array'],
  ])('refuses %s with 400 naming the field', (_what, body, code, message) => {
    expect(() => genericSignal(body, at)).toThrow(expect.objectContaining({ status: 400, code, message }));
  });

  it('allows exactly 50 details and a 300-character title', () => {
    const body = { ...ok, title: 't'.repeat(300), details: Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`d${i}`, i])) };
    const signal = genericSignal(body, at);
    expect(Object.keys(signal.details)).toHaveLength(50);
    expect(signal.title).toHaveLength(300);
  });
});
