import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sign, stringToSign } from '../../src/main/core/signer.js';
import { vectors } from '../helpers/sign-vectors.js';

describe('sign: reference vectors', () => {
  it.each(vectors)('signs $signed', (vector) => {
    expect(stringToSign(vector.params, vector.secret)).toBe(vector.signed);
    expect(sign(vector.params, vector.secret)).toBe(vector.sign);
  });

  it('ignores a sign parameter already present', () => {
    const [first] = vectors;
    expect(sign({ ...first!.params, sign: 'OLD' }, first!.secret)).toBe(first!.sign);
  });

  it('sorts by UTF-8 bytes, also where UTF-16 order differs (astral vs U+FF01)', () => {
    // '😀' (U+1F600, UTF-8 F0..) sorts after '！' (U+FF01, UTF-8 EF..), though its UTF-16 code unit is lower.
    expect(stringToSign({ '😀': 1, '！': 2, a: 3 }, 's')).toBe('a=3&！=2&😀=1&secret=s');
  });

  it('stringifies booleans as 1/0 and objects as compact JSON', () => {
    expect(stringToSign({ b: true, c: false, o: { x: [1, 2] } }, 's')).toBe('b=1&c=0&o={"x":[1,2]}&secret=s');
  });
});

const name = fc.string({ minLength: 1, maxLength: 8 }).filter((n) => n !== 'sign' && n !== 'secret');
const value = fc.oneof(fc.string({ minLength: 1 }), fc.integer(), fc.boolean());
const params = fc.dictionary(name, value, { minKeys: 1, maxKeys: 6 });

describe('sign: properties', () => {
  it('does not depend on the order of the keys', () => {
    fc.assert(
      fc.property(params, fc.string(), (p, secret) => {
        const reversed = Object.fromEntries(Object.entries(p).reverse());
        expect(sign(reversed, secret)).toBe(sign(p, secret));
      }),
    );
  });

  it('ignores empty, null and undefined values', () => {
    fc.assert(
      fc.property(params, name, fc.constantFrom('', null, undefined), fc.string(), (p, extra, empty, secret) => {
        fc.pre(!(extra in p));
        expect(sign({ ...p, [extra]: empty }, secret)).toBe(sign(p, secret));
      }),
    );
  });

  it('changes when any value changes', () => {
    fc.assert(
      fc.property(params, fc.string({ minLength: 1 }), fc.string(), (p, replacement, secret) => {
        const key = Object.keys(p)[0]!;
        fc.pre(
          String(p[key]) !== replacement && !(typeof p[key] === 'boolean' && replacement === (p[key] ? '1' : '0')),
        );
        expect(sign({ ...p, [key]: replacement }, secret)).not.toBe(sign(p, secret));
      }),
    );
  });

  it('changes when the secret changes', () => {
    fc.assert(
      fc.property(params, fc.string(), fc.string(), (p, a, b) => {
        fc.pre(a !== b);
        expect(sign(p, a)).not.toBe(sign(p, b));
      }),
    );
  });

  it('is always 40 upper-case hex characters', () => {
    fc.assert(
      fc.property(params, fc.string(), (p, s) => {
        expect(sign(p, s)).toMatch(/^[0-9A-F]{40}$/);
      }),
    );
  });
});
