// The log's last guard: a known secret that reached a line is replaced, raw or JSON-escaped.
import { describe, expect, it } from 'vitest';
import { createServeLog, redactSecrets } from '../../src/main/serve/log.js';

describe('serve log', () => {
  it('replaces known secrets in a line, as written and as JSON escapes them', () => {
    expect(redactSecrets('{"msg":"echo s3cret-123"}', ['s3cret-123'])).toBe('{"msg":"echo [redacted]"}');
    expect(redactSecrets(JSON.stringify({ msg: 'q"uote\\d-secret' }), ['q"uote\\d-secret'])).not.toContain('uote');
    expect(redactSecrets('short abc', ['abc'])).toBe('short abc');
  });

  it('writes one JSON object per line through the guard', async () => {
    const lines: string[] = [];
    const logger = await createServeLog({ write: (line) => lines.push(line) }, () => ['s3cret-123']);
    logger.warn({ event: 'poll-failed', account: 'A' }, 'server said s3cret-123');
    const parsed = JSON.parse(lines.join('')) as Record<string, unknown>;
    expect(parsed).toMatchObject({ level: 40, event: 'poll-failed', account: 'A', msg: 'server said [redacted]' });
    expect(typeof parsed.time).toBe('string');
  });
});
