import Papa from 'papaparse';
import type { RatingRow } from './types';
import { MAX_LINE_TEXT, oversizeTextReason, unsafeTextReason } from '../domain/text';

const COLUMNS = ['unit', 'rater', 'criterion', 'score'] as const;
type Column = (typeof COLUMNS)[number];

/** A ratings file problem; `line` is the 1-based line of the file where the offending row starts. */
export class RatingsCsvError extends Error {
  override readonly name = 'RatingsCsvError';
  constructor(
    readonly line: number,
    detail: string,
  ) {
    super(`line ${line}: ${detail}`);
  }
}

interface RawRow {
  fields: string[];
  line: number;
  error: string | null;
}

/**
 * Parses a long-format ratings CSV: a header naming exactly the columns unit, rater, criterion and score (any
 * order, case-insensitive, no others), then one rating per row with an integer score. Blank lines are skipped and
 * fields trimmed.
 * Throws RatingsCsvError naming the line for: a missing, unknown or repeated column; a row with the wrong number
 * of fields or broken quotes; an empty field; a score that is not an integer; a second rating of the same unit by
 * the same rater on the same criterion.
 */
export function parseRatingsCsv(text: string): RatingRow[] {
  const oversize = oversizeTextReason(text);
  if (oversize) throw new RatingsCsvError(1, oversize);
  const rows = readRows(text);
  const header = rows[0];
  if (!header) throw new RatingsCsvError(1, `missing columns ${COLUMNS.join(', ')} (the file is empty)`);
  if (header.error) throw new RatingsCsvError(header.line, header.error);
  const position = columnPositions(header);

  const out: RatingRow[] = [];
  const firstLine = new Map<string, number>();
  for (const row of rows.slice(1)) {
    if (row.error) throw new RatingsCsvError(row.line, row.error);
    const long = row.fields.find((f) => f.length > MAX_LINE_TEXT);
    if (long !== undefined) throw new RatingsCsvError(row.line, `a field is longer than ${MAX_LINE_TEXT} characters`);
    const unsafe = row.fields.map((f) => unsafeTextReason(f, true)).find(Boolean);
    if (unsafe) throw new RatingsCsvError(row.line, `a field ${unsafe}`);
    if (row.fields.length !== COLUMNS.length) {
      throw new RatingsCsvError(row.line, `expected ${COLUMNS.length} fields, found ${row.fields.length}`);
    }
    const value = {} as Record<Column, string>;
    for (const column of COLUMNS) {
      const field = row.fields[position[column]]!.trim();
      if (field === '') throw new RatingsCsvError(row.line, `empty ${column}`);
      value[column] = field;
    }
    const score = Number(value.score);
    if (!/^[+-]?\d+$/.test(value.score) || !Number.isSafeInteger(score)) {
      throw new RatingsCsvError(row.line, `score "${value.score}" is not an integer`);
    }
    // JSON of the triple: an unambiguous key whatever characters the ids contain.
    const key = JSON.stringify([value.unit, value.rater, value.criterion]);
    const seen = firstLine.get(key);
    if (seen !== undefined) {
      throw new RatingsCsvError(
        row.line,
        `duplicate rating of unit "${value.unit}" by rater "${value.rater}" on criterion "${value.criterion}" (first on line ${seen})`,
      );
    }
    firstLine.set(key, row.line);
    out.push({ unit: value.unit, rater: value.rater, criterion: value.criterion, score });
  }
  return out;
}

/** Where each required column is; the header must name each of them once and nothing else. */
function columnPositions(header: RawRow): Record<Column, number> {
  const names = header.fields.map((f) => f.trim().toLowerCase());
  const position = {} as Record<Column, number>;
  const seen = new Set<string>();
  for (const [i, name] of names.entries()) {
    if (seen.has(name)) throw new RatingsCsvError(header.line, `column "${name}" appears twice`);
    seen.add(name);
    if (!(COLUMNS as readonly string[]).includes(name)) {
      throw new RatingsCsvError(header.line, `unexpected column "${name}" (allowed: ${COLUMNS.join(', ')})`);
    }
    position[name as Column] = i;
  }
  const missing = COLUMNS.filter((c) => !seen.has(c));
  if (missing.length > 0) throw new RatingsCsvError(header.line, `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
  return position;
}

/**
 * CSV records with the file line each starts on. Line endings are normalised to \n first: papaparse guesses one
 * newline style per file and would merge rows of a file that mixes them. Papaparse's cursor (the offset after each
 * record) gives where the next record starts, from which its line number follows.
 */
function readRows(text: string): RawRow[] {
  const normalised = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const rows: RawRow[] = [];
  let start = 0;
  let line = 1;
  let counted = 0; // offset up to which newlines have been counted into `line`
  Papa.parse<string[]>(normalised, {
    delimiter: ',',
    newline: '\n',
    skipEmptyLines: true,
    step: (result) => {
      // Skipped blank lines sit between the previous cursor and this record.
      while (normalised[start] === '\n') start++;
      for (; counted < start; counted++) if (normalised[counted] === '\n') line++;
      const problem = result.errors[0];
      rows.push({ fields: result.data, line, error: problem ? `malformed CSV: ${problem.message.toLowerCase()}` : null });
      start = result.meta.cursor;
    },
  });
  return rows;
}
