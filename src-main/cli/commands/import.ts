import path from 'node:path';
import { importPath } from '../../services/import/importer';
import { formatChanges } from '../../../src-shared/domain/changes';
import type { Command } from '../command';
import { UsageError } from '../command';

export const importCommand: Command = {
  words: ['import'],
  usage: 'import <path> [--max-file-mb N] [--update-existing] [--json]',
  summary: 'Import a portfolio package, a batch (folder or .zip), or rubric/credentials JSON; all or nothing.',
  flags: { 'max-file-mb': { type: 'string' }, 'update-existing': { type: 'boolean' } },
  async run({ args, flags, open, io, actor }) {
    const [source] = args;
    if (!source) throw new UsageError('import needs a path');
    const maxMb = flags['max-file-mb'] === undefined ? undefined : Number(flags['max-file-mb']);
    if (maxMb !== undefined && !(maxMb > 0)) throw new UsageError('--max-file-mb must be a positive number');
    const ctx = await open();
    const report = await importPath(ctx, path.resolve(source), {
      actor,
      maxFileBytes: maxMb === undefined ? undefined : Math.floor(maxMb * 1024 * 1024),
      updateExisting: flags['update-existing'] === true,
    });
    if (flags.json) io.out(JSON.stringify(report, null, 2));
    else {
      const count = (xs: { result: string }[], r: string) => xs.filter((x) => x.result === r).length;
      io.out(
        `imported ${count(report.portfolios, 'imported')} portfolios (${count(report.portfolios, 'unchanged')} unchanged), ` +
          `${count(report.rubrics, 'imported')} rubrics, ${report.credentials.filter((c) => c.result !== 'unchanged').length} credentials, ` +
          `${report.files.added} new files (${report.files.bytes} bytes)` +
          (report.reviewers.created.length + report.reviewers.updated.length
            ? `, reviewers ${report.reviewers.created.length} created / ${report.reviewers.updated.length} updated`
            : '') +
          (report.changes.length
            ? `; updated existing records:\n${formatChanges(report.changes)
                .map((l) => `  ${l}`)
                .join('\n')}`
            : '') +
          (report.activity.length ? `; replayed demo activity: ${report.activity.join(', ')}` : ''),
      );
      for (const w of report.identity) io.out(`warning: ${w.portfolio} is under anonymous review. ${w.warning}`);
    }
    return 0;
  },
};
