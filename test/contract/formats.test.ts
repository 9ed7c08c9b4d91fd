import fc from 'fast-check';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import { describe, expect, it } from 'vitest';
import { requestBodyValidators } from '../../generated/validators.js';
import { isDateTime } from '../../scripts/lib/runtime/formats.js';

const ajvDateTime = (fullFormats['date-time'] as { validate: (s: string) => boolean }).validate;

describe('the date-time format of the generated validators', () => {
  it.each([
    '2026-11-02T09:14:03Z',
    '2026-11-02T09:14:03.120Z',
    '2026-11-02t09:14:03z',
    '2026-11-02T09:14:03+01:00',
    '2024-02-29T00:00:00Z',
    '2000-02-29T00:00:00Z',
    '2026-12-31T23:59:60Z',
    '2027-01-01T00:59:60+01:00',
  ])('accepts %s', (text) => expect(isDateTime(text)).toBe(true));

  it.each([
    ['no time zone', '2026-11-02T09:14:03'],
    ['a space for T', '2026-11-02 09:14:03Z'],
    ['an offset without colon', '2026-11-02T09:14:03+0100'],
    ['month 13', '2026-13-02T09:14:03Z'],
    ['February 29 of a common year', '2026-02-29T00:00:00Z'],
    ['February 29 of 1900', '1900-02-29T00:00:00Z'],
    ['April 31', '2026-04-31T00:00:00Z'],
    ['day 0', '2026-04-00T00:00:00Z'],
    ['hour 24', '2026-11-02T24:00:00Z'],
    ['minute 60', '2026-11-02T09:60:00Z'],
    ['a leap second not at 23:59 UTC', '2026-11-02T09:14:60Z'],
    ['an offset hour 24', '2026-11-02T09:14:03+24:00'],
    ['a date alone', '2026-11-02'],
    ['trailing text', '2026-11-02T09:14:03Zx'],
  ])('rejects %s', (_why, text) => expect(isDateTime(text)).toBe(false));

  // ajv-formats also takes hour 24 or minute 60 whenever the offset makes it 23:59 UTC, whatever the
  // seconds: that is its leap-second rule gone too far, so the comparison keeps to real times of day.
  it('agrees with ajv-formats on RFC 3339 shapes with times of day and no leap seconds', () => {
    const pad = (n: number, width = 2) => String(n).padStart(width, '0');
    const dateTimes = fc
      .tuple(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.integer({ min: 0, max: 59 }),
        fc.option(fc.integer({ min: 0, max: 999_999 })),
        fc.oneof(fc.constant('Z'), fc.tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 24 }), fc.integer({ min: 0, max: 60 })).map(([s, h, m]) => `${s}${pad(h)}:${pad(m)}`)),
      )
      .map(([y, mo, d, h, mi, s, frac, zone]) => `${pad(y, 4)}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}${frac === null ? '' : `.${frac}`}${zone}`);
    fc.assert(fc.property(dateTimes, (text) => isDateTime(text) === ajvDateTime(text)), { numRuns: 20_000 });
  });
});

describe('length limits of the generated validators', () => {
  const body = (title: string) => ({ title, content: { type: 'plaintext', content: 'x' }, teamId: '7ea40000-0000-4000-8000-000000000001' });

  it('count characters, not UTF-16 units, on both sides of the limit', () => {
    // title: 1 to 200 characters. An emoji is one character and two UTF-16 units.
    expect(requestBodyValidators.createSnippet(body('😀'.repeat(200)))).toBe(true);
    expect(requestBodyValidators.createSnippet(body('😀'.repeat(201)))).toBe(false);
    expect(requestBodyValidators.createSnippet(body(`${'x'.repeat(199)}😀`))).toBe(true);
    expect(requestBodyValidators.createSnippet(body('x'.repeat(201)))).toBe(false);
    expect(requestBodyValidators.createSnippet(body(''))).toBe(false);
    expect(requestBodyValidators.createSnippet(body('😀'))).toBe(true);
  });
});
