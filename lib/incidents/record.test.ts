import { describe, expect, it } from 'vitest';
import { COUNT_MAX, REASON_MAX, parseGuardEvent, parseIncidentRecord, totalOf } from './record.ts';

const event = { channel: 'paste', action: 'mask', outcome: 'masked', counts: { EMAIL: 2 } };

describe('parseGuardEvent (what a content script reports)', () => {
  it('accepts a well-formed event and keeps only its own fields', () => {
    expect(parseGuardEvent(event)).toEqual(event);
    expect(
      parseGuardEvent({ ...event, outcome: 'overridden', reason: 'Customer asked for it' }),
    ).toEqual({ ...event, outcome: 'overridden', reason: 'Customer asked for it' });
    // Zero counts carry nothing and are dropped; an empty reason is no reason.
    expect(parseGuardEvent({ ...event, counts: { EMAIL: 0, PHONE: 1 }, reason: '  ' })).toEqual({
      ...event,
      counts: { PHONE: 1 },
    });
    expect(parseGuardEvent({ ...event, counts: {} })).toEqual({ ...event, counts: {} });
  });

  it.each([
    ['not an object', 'paste'],
    ['an array', [event]],
    ['null', null],
    ['an unknown channel', { ...event, channel: 'clipboard' }],
    ['an unknown action', { ...event, action: 'erase' }],
    ['an unknown outcome', { ...event, outcome: 'ignored' }],
    ['an unknown type', { ...event, counts: { EMAIL: 1, SECRET_SAUCE: 1 } }],
    ['a prototype key', { ...event, counts: JSON.parse('{"__proto__": 1}') }],
    ['a negative count', { ...event, counts: { EMAIL: -1 } }],
    ['a fractional count', { ...event, counts: { EMAIL: 1.5 } }],
    ['a huge count', { ...event, counts: { EMAIL: COUNT_MAX + 1 } }],
    ['a count as text', { ...event, counts: { EMAIL: '1' } }],
    ['NaN', { ...event, counts: { EMAIL: Number.NaN } }],
    ['counts missing', { channel: 'paste', action: 'mask', outcome: 'masked' }],
    ['a reason over the cap', { ...event, reason: 'x'.repeat(REASON_MAX + 1) }],
    ['a reason that is not text', { ...event, reason: 42 }],
    ['an extra field that could carry a value', { ...event, value: 'jane@example.net' }],
  ])('refuses %s', (_label, payload) => {
    expect(parseGuardEvent(payload)).toBeNull();
  });
});

describe('parseIncidentRecord (validation on read)', () => {
  const record = {
    id: '6f1d8a52-2b1e-4c55-9b1a-0c7f1b2e3d4a',
    time: 1_790_000_000_000,
    siteId: 'chatgpt',
    host: 'chatgpt.com',
    pageClass: 'unapproved-ai',
    channel: 'send',
    action: 'mask',
    outcome: 'masked',
    counts: { CREDIT_CARD: 1 },
    state: 'pending',
    sentAt: null,
    extensionVersion: '0.1.0',
  };

  it('accepts a valid record and drops fields it does not know', () => {
    expect(parseIncidentRecord(record)).toEqual(record);
    expect(parseIncidentRecord({ ...record, siteId: null })).toEqual({ ...record, siteId: null });
    expect(parseIncidentRecord({ ...record, text: 'raw' })).toEqual(record);
    // The policy revision (since issue 4) is kept when present; older records have none.
    expect(parseIncidentRecord({ ...record, policyVersion: 12 })).toEqual({
      ...record,
      policyVersion: 12,
    });
  });

  it.each([
    ['a bad id', { ...record, id: 'abc' }],
    ['a bad host', { ...record, host: 'Chat GPT' }],
    ['an unknown class', { ...record, pageClass: 'intranet' }],
    ['sent without a time', { ...record, state: 'sent' }],
    ['pending with a time', { ...record, sentAt: 5 }],
    ['bad counts', { ...record, counts: { CREDIT_CARD: -2 } }],
    ['a negative policy version', { ...record, policyVersion: -1 }],
    ['a fractional policy version', { ...record, policyVersion: 1.5 }],
    ['a policy version as text', { ...record, policyVersion: '3' }],
  ])('refuses %s', (_label, value) => {
    expect(parseIncidentRecord(value)).toBeNull();
  });

  it('totals counts', () => {
    expect(totalOf({ EMAIL: 2, PHONE: 3 })).toBe(5);
    expect(totalOf({})).toBe(0);
  });
});
