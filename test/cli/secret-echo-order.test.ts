/**
 * Echo goes off before the prompt appears: a user who starts typing as soon as the prompt
 * shows (or a slow machine between the two steps) must never see the first characters of
 * the secret echoed.
 */
import { describe, expect, it } from 'vitest';
import { readHidden } from '../../src/main/cli/secret-input.js';
import { translator } from '../../src/shared/i18n/index.js';

describe('the secret prompt', () => {
  it('turns echo off before it asks, and back on after the answer', async () => {
    const steps: string[] = [];
    async function* typed() {
      yield 's3cret-typed\r';
    }
    const secret = await readHidden({
      stdin: typed(),
      stderr: { write: (text: string) => void steps.push(`write ${JSON.stringify(text)}`) },
      t: translator('en'),
      terminal: { setRawMode: (on) => void steps.push(`raw ${on}`) },
    });
    expect(secret).toBe('s3cret-typed');
    const prompt = steps.findIndex((step) => step.startsWith('write') && step !== 'write "\\n"');
    expect(steps.indexOf('raw true')).toBeGreaterThanOrEqual(0);
    expect(steps.indexOf('raw true')).toBeLessThan(prompt);
    expect(steps.at(-2)).toBe('raw false');
  });
});
