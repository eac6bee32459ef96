import { describe, expect, it } from 'vitest';
import { parseRatingsCsv, RatingsCsvError } from '../../../src-shared/stats';

/** Runs the parser expecting a RatingsCsvError; returns it. */
function failure(text: string): RatingsCsvError {
  try {
    parseRatingsCsv(text);
  } catch (e) {
    expect(e).toBeInstanceOf(RatingsCsvError);
    return e as RatingsCsvError;
  }
  throw new Error('expected parseRatingsCsv to throw');
}

describe('parseRatingsCsv', () => {
  it('reads long-format rows, columns in any order', () => {
    const text = 'score,criterion,unit,rater\n3,planning,P-1,ana\n2,"reflection, depth",P-1,ben\n';
    expect(parseRatingsCsv(text)).toEqual([
      { unit: 'P-1', rater: 'ana', criterion: 'planning', score: 3 },
      { unit: 'P-1', rater: 'ben', criterion: 'reflection, depth', score: 2 },
    ]);
  });

  it('accepts CRLF, a BOM, blank lines, padded fields and negative or signed integers', () => {
    const text = '\uFEFFunit , rater,criterion,score\r\n\r\n u1 ,a,c, -1 \r\nu2,a,c,+4\r\n';
    expect(parseRatingsCsv(text)).toEqual([
      { unit: 'u1', rater: 'a', criterion: 'c', score: -1 },
      { unit: 'u2', rater: 'a', criterion: 'c', score: 4 },
    ]);
  });

  it('a header alone gives no ratings', () => {
    expect(parseRatingsCsv('unit,rater,criterion,score\n')).toEqual([]);
  });

  describe('errors name the file line', () => {
    it('missing column (line 1)', () => {
      const e = failure('unit,rater,score\nu1,a,3\n');
      expect(e.line).toBe(1);
      expect(e.message).toMatch(/^line 1: missing column criterion/);
    });

    it('an empty file is missing every column', () => {
      expect(failure('').line).toBe(1);
      expect(failure('').message).toMatch(/missing columns unit, rater, criterion, score/);
    });

    it('extra or repeated column (line 1)', () => {
      expect(failure('unit,rater,criterion,score,comment\nu1,a,c,3,hi\n')).toMatchObject({ line: 1, message: expect.stringMatching(/unexpected column "comment"/) });
      expect(failure('unit,rater,criterion,score,unit\n')).toMatchObject({ line: 1, message: expect.stringMatching(/column "unit" appears twice/) });
    });

    it('non-integer score', () => {
      const text = 'unit,rater,criterion,score\nu1,a,c,3\nu2,a,c,2.5\n';
      const e = failure(text);
      expect(e.line).toBe(3);
      expect(e.message).toBe('line 3: score "2.5" is not an integer');
      expect(failure('unit,rater,criterion,score\nu1,a,c,three\n').line).toBe(2);
      expect(failure('unit,rater,criterion,score\nu1,a,c,1e3\n').line).toBe(2);
    });

    it('empty field', () => {
      const e = failure('unit,rater,criterion,score\nu1,a,c,3\nu2,,c,3\n');
      expect(e.line).toBe(3);
      expect(e.message).toBe('line 3: empty rater');
      expect(failure('unit,rater,criterion,score\nu1,a,c,  \n')).toMatchObject({ line: 2, message: 'line 2: empty score' });
    });

    it('duplicate unit + rater + criterion, pointing at the first occurrence too', () => {
      const text = 'unit,rater,criterion,score\nu1,a,c,3\nu1,a,d,3\nu1,b,c,3\nu1,a,c,2\n';
      const e = failure(text);
      expect(e.line).toBe(5);
      expect(e.message).toBe('line 5: duplicate rating of unit "u1" by rater "a" on criterion "c" (first on line 2)');
    });

    it('counts lines across blank lines, CRLF and quoted fields spanning lines', () => {
      const text = 'unit,rater,criterion,score\r\n\r\n"u\n1",a,c,3\r\n\r\nu2,a,c,x\r\n';
      expect(failure(text).line).toBe(6);
      const mixed = 'unit,rater,criterion,score\r\nu1,a,c,1\nu2,a,c,2\r\nu3,a,c,\n';
      expect(failure(mixed).line).toBe(4);
    });

    it('wrong number of fields, and broken quotes', () => {
      expect(failure('unit,rater,criterion,score\nu1,a,c\n')).toMatchObject({ line: 2, message: 'line 2: expected 4 fields, found 3' });
      expect(failure('unit,rater,criterion,score\nu1,a,c,3\nu2,"a,c,3\n').line).toBe(3);
    });
  });
});
