import type { CliIo } from './command';

// Everything a terminal could act on except the line breaks and tabs of our own layout: C0 and C1 controls (ESC starts
// escape sequences, CR rewrites a line), DEL, and bidirectional overrides and isolates.
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/gu;

/**
 * Shows control characters as \u escapes. Messages quote package content (zip entry names, fields of a refused
 * manifest), and refused content is by definition not trusted; in JSON output the escape reads back as the same text.
 */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (ch) => `\\u${ch.codePointAt(0)!.toString(16).padStart(4, '0')}`);
}

/** The CLI's output with every line passed through terminalSafe: no command can print package content raw. */
export function terminalSafeIo(io: CliIo): CliIo {
  return { out: (t) => io.out(terminalSafe(t)), err: (t) => io.err(terminalSafe(t)) };
}
