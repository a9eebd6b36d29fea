import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sign } from '../../src/main/core/signer.js';
import { platformSign } from '../../src/main/simulator/platform-sign.js';
import { vectors } from '../helpers/sign-vectors.js';

// The simulator verifies with its own implementation of the rule, so the client's signer is
// checked against a second reading of the reference rather than against itself.
describe('the simulator signs as the platform does', () => {
  it.each(vectors)('matches the reference vector $sign', (vector) => {
    expect(platformSign(vector.params, vector.secret)).toBe(vector.sign);
  });

  it('agrees with the client on any parameters, names in any script included', () => {
    const value = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(''));
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ unit: 'grapheme', minLength: 1 }), value),
        fc.string(),
        (params, secret) => {
          expect(platformSign(params, secret)).toBe(sign(params, secret));
        },
      ),
    );
  });
});
