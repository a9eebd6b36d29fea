/**
 * The web-platform globals shared code may use. src/shared compiles against the language
 * alone (lib ES2023, no DOM, no Node), so this file is the whole allowance, kept to what Node
 * and the window both provide with the same meaning. Timers and clocks are deliberately absent:
 * shared code is handed the time, never reads it.
 */
declare class URL {
  constructor(url: string, base?: string);
  readonly hash: string;
  readonly hostname: string;
  readonly password: string;
  readonly protocol: string;
  readonly search: string;
  readonly username: string;
  toString(): string;
}
