/**
 * Takes secrets out of text before it reaches the log file: every secret the app was handed
 * this session (remembered as it arrives over IPC), and anything written as `secret=…`,
 * `sign: …`, `password=…`, `token …` or an Authorization header, whoever wrote it.
 */
const MASK = '***';
/** An Authorization header's whole value ("Bearer xyz", "Basic …"). */
const AUTHORIZATION = /\b(authorization\s*["']?\s*[:=]\s*)[^\r\n"']*/gi;
const NAMED =
  /\b(secret|sign|signature|password|passwd|token|api[_-]?key)(\s*["']?\s*[:=]\s*["']?|\s+)([^\s"'&,;)}\]]+)/gi;

export interface Redactor {
  /** A secret seen this session: removed from every later line. */
  remember(secret: string): void;
  redact(text: string): string;
}

export function createRedactor(): Redactor {
  const known = new Set<string>();
  return {
    remember(secret) {
      // A one- or two-character "secret" would blank out ordinary text; it cannot be a real one.
      if (secret.length >= 4) known.add(secret);
    },
    redact(text) {
      let out = text;
      // Longest first, so a secret containing another is masked whole.
      for (const secret of [...known].sort((a, b) => b.length - a.length)) out = out.split(secret).join(MASK);
      return out
        .replace(AUTHORIZATION, `$1${MASK}`)
        .replace(NAMED, (_match, name: string, separator: string) => `${name}${separator}${MASK}`);
    },
  };
}
