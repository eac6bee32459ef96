import { z } from 'zod';

/**
 * Text from packages and CSV files ends up in terminals, PDFs, badges and the review page. Control characters (ESC
 * starts terminal escape sequences, BEL, CR rewrites a line) and bidirectional overrides and isolates (which make
 * "Aroha" display as something else) have no place in a name or a title, and are refused where they come in.
 * Multi-line fields (responses, descriptors, guidance) may hold tabs and line breaks, nothing else of the kind.
 */
const LINE_UNSAFE = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u;
const MULTILINE_UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u;

const NAMES: Record<number, string> = { 0x07: 'BEL', 0x08: 'backspace', 0x09: 'tab', 0x0a: 'line feed', 0x0d: 'carriage return', 0x1b: 'ESC', 0x7f: 'DEL' };

const describe = (ch: string): string => {
  const code = ch.codePointAt(0)!;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  if (code >= 0x202a && code <= 0x2069) return `${hex}, a bidirectional override`;
  return NAMES[code] ? `${hex} ${NAMES[code]}` : `${hex}, a control character`;
};

/** Why `value` may not be stored as text (naming the first offending character), or null when it is fine. */
export function unsafeTextReason(value: string, multiline = false): string | null {
  const m = (multiline ? MULTILINE_UNSAFE : LINE_UNSAFE).exec(value);
  return m ? `contains ${describe(m[0])} at character ${m.index + 1}; control characters and direction overrides are not allowed` : null;
}

/** Longest names, titles and labels accepted anywhere (a CSV "name" of 100 MB is an attack, not a name). */
export const MAX_LINE_TEXT = 500;
export const MAX_MULTILINE_TEXT = 200_000;

/** A one-line name, title or label: no control characters or direction overrides, at most MAX_LINE_TEXT characters. */
export const lineText = () =>
  z
    .string()
    .max(MAX_LINE_TEXT, `at most ${MAX_LINE_TEXT} characters`)
    .superRefine((v, ctx) => {
      const reason = unsafeTextReason(v);
      if (reason) ctx.addIssue({ code: 'custom', message: reason });
    });

/** Text that may span lines (responses, descriptors): tabs and line breaks allowed, other controls and overrides not. */
export const multilineText = () =>
  z
    .string()
    .max(MAX_MULTILINE_TEXT, `at most ${MAX_MULTILINE_TEXT} characters`)
    .superRefine((v, ctx) => {
      const reason = unsafeTextReason(v, true);
      if (reason) ctx.addIssue({ code: 'custom', message: reason });
    });

/** Largest manifest, catalogue JSON or CSV file read (they are read whole): anything larger is refused unread. */
export const MAX_TEXT_FILE_BYTES = 16 * 1024 * 1024;

/** Why a CSV text may not be parsed at all (too large), before any of it is split into fields. */
export function oversizeTextReason(text: string): string | null {
  // UTF-16 length is at most the UTF-8 byte count, so this never refuses what the byte limit allows.
  return text.length > MAX_TEXT_FILE_BYTES ? `larger than the limit of ${MAX_TEXT_FILE_BYTES} bytes for a CSV file` : null;
}
