import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MODERATION_STATUS_LABEL, PANEL_STAGE_LABEL, PANEL_STAGES, STATUS_LABEL, STATUS_MEANING, STATUSES } from '../../../src-shared/domain/status';

const root = path.resolve(__dirname, '../../..');

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return files(p);
    return /\.(ts|tsx)$/.test(e.name) ? [p] : [];
  });
}

/**
 * Places where one of the words is not a status and stays as written, with why. Everything else must come from
 * the glossary (src-shared/domain/status.ts).
 */
const NOT_A_STATUS: { file: string; word: string; why: string }[] = [
  { file: 'src-renderer/features/queue/QueueTable.tsx', word: 'Submitted', why: 'the column of the submission date' },
  { file: 'src-main/services/export/feedback-pdf.ts', word: 'Decided', why: 'the date row of the feedback PDF' },
  { file: 'src-main/services/credit/letter.ts', word: 'Decided', why: 'the date row of a credit decision letter' },
  { file: 'src-renderer/features/calibration/mine/MyCalibrationPage.tsx', word: 'Submitted', why: 'a calibration submission, not a portfolio' },
  { file: 'src-renderer/features/credit/applications/ApplicationsPage.tsx', word: 'Decided', why: 'credit applications approved or declined' },
];

const words = [...new Set([...Object.values(STATUS_LABEL), ...Object.values(PANEL_STAGE_LABEL), ...Object.values(MODERATION_STATUS_LABEL)])];

/** A table's column heading names a field (the submission date, a count of scored anchors), never a status. */
const withoutColumnHeadings = (text: string) => text.replace(/<Table\.Th\b[^>]*>[^<]*<\/Table\.Th>/g, '').replace(/<Table\.Th\b[^>]*>\s*[A-Z][a-z]+\s*</g, '<');

describe('the status glossary', () => {
  it('labels and explains every status and every panel stage', () => {
    for (const s of STATUSES) {
      expect(STATUS_LABEL[s], s).toMatch(/^[A-Z]/);
      expect(STATUS_MEANING[s], s).toBeTruthy();
    }
    for (const s of PANEL_STAGES) expect(PANEL_STAGE_LABEL[s], s).toBeTruthy();
    expect(new Set(Object.values(STATUS_LABEL)).size).toBe(STATUSES.length);
    expect(STATUS_LABEL.ready).toBe('Ready to release');
  });

  it('is the only place renderer and main-process files take status words from', () => {
    const found: string[] = [];
    for (const file of [...files(path.join(root, 'src-renderer')), ...files(path.join(root, 'src-main'))]) {
      const rel = path.relative(root, file).split(path.sep).join('/');
      const text = withoutColumnHeadings(fs.readFileSync(file, 'utf8'));
      for (const word of words) {
        const literal = new RegExp(`(['"\`])${word}\\1|>\\s*${word}\\s*<`);
        if (literal.test(text) && !NOT_A_STATUS.some((n) => n.file === rel && n.word === word)) found.push(`${rel}: "${word}"`);
      }
    }
    expect(found).toEqual([]);
  });
});
