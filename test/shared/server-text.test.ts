import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanServerText, SERVER_TEXT_MAX } from '../../src/shared/server-text.js';

// eslint-disable-next-line no-control-regex -- the characters that must never come out
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

describe('cleanServerText', () => {
  it.each([
    ['a title change', '\u001b]0;owned\u0007hello', 'hello'],
    ['a screen clear and colour', '\u001b[2J\u001b[31mred\u001b[0m', 'red'],
    ['an 8-bit CSI', 'a\u009b31mb', 'ab'],
    ['line breaks and tabs', 'one\r\ntwo\tthree', 'one two three'],
    ['a bidirectional override', 'abc\u202edef', 'abc def'],
    ['plain Chinese', '签名错误', '签名错误'],
  ])('removes %s', (_name, text, clean) => {
    expect(cleanServerText(text)).toBe(clean);
  });

  it('caps the length with an ellipsis', () => {
    const clean = cleanServerText('x'.repeat(30_000));
    expect(Array.from(clean)).toHaveLength(SERVER_TEXT_MAX);
    expect(clean.endsWith('…')).toBe(true);
  });

  it('never lets a control character through, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        const clean = cleanServerText(text);
        expect(clean).not.toMatch(CONTROL);
        expect(Array.from(clean).length).toBeLessThanOrEqual(SERVER_TEXT_MAX);
      }),
    );
  });
});
