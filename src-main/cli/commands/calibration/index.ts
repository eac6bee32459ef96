import path from 'node:path';
import { format } from 'date-fns';
import type { Command } from '../../command';
import { UsageError } from '../../command';
import { exportReport } from '../../../services/calibration/export';
import { listRounds, roundByName } from '../../../services/calibration/rounds';
import { rubricJson } from '../../../services/calibration/rubric-versions';
import { latestRubricVersion } from '../../../services/rubrics';
import { writeFileAtomic } from '../../../services/files';
import { systemActor } from '../../../services/reviewers';
import { audit } from '../../../services/audit';
import { agreementCommand } from './agreement';

export const roundsListCommand: Command = {
  words: ['rounds', 'list'],
  usage: 'rounds list [--json]',
  summary: 'Calibration rounds with their status, rubric, anchors, reviewers and progress.',
  async run({ open, io, flags, actor }) {
    const rounds = await listRounds(await open(), systemActor(actor));
    if (flags.json)
      io.out(
        JSON.stringify(
          rounds.map((r) => ({
            id: r.id,
            name: r.name,
            status: r.status,
            rubric: { id: r.rubric.id, version: r.rubric.version },
            credentials: r.credentials,
            opens_at: r.opensAt,
            closes_at: r.closesAt,
            closed_at: r.closedAt,
            anchors: r.anchors,
            reviewers: r.reviewers.map((x) => x.id),
            submitted: r.submitted,
            expected: r.expected,
          })),
          null,
          2,
        ),
      );
    else
      for (const r of rounds)
        io.out(
          [
            r.name,
            r.status,
            `${r.rubric.id}@${r.rubric.version}`,
            `${format(new Date(r.opensAt), 'yyyy-MM-dd')}..${format(new Date(r.closesAt), 'yyyy-MM-dd')}`,
            `${r.submitted}/${r.expected} scored`,
          ].join('\t'),
        );
    return 0;
  },
};

export const rubricExportCommand: Command = {
  words: ['rubric', 'export'],
  usage: 'rubric export --id ID [--version N] [--out FILE]',
  summary: 'Write a rubric version as JSON (the format `import` reads); the latest version unless --version; stdout unless --out.',
  flags: { id: { type: 'string' }, version: { type: 'string' }, out: { type: 'string' } },
  async run({ flags, open, io, actor }) {
    const id = flags.id;
    if (typeof id !== 'string' || !id) throw new UsageError('--id ID is required');
    const ctx = await open();
    const version = flags.version === undefined ? await latestRubricVersion(ctx, id) : Number(flags.version);
    if (version === null) throw new UsageError(`no rubric ${id}`);
    if (!Number.isInteger(version) || version < 1) throw new UsageError('--version must be a positive whole number');
    const json = await rubricJson(ctx, id, version);
    if (typeof flags.out === 'string') {
      const out = path.resolve(flags.out);
      writeFileAtomic(out, json);
      await audit(ctx, { actor, action: 'rubric.export', entityType: 'rubric', entityId: `${id}@${version}`, details: { file: out } });
      io.out(flags.json ? JSON.stringify({ file: out, id, version }) : `wrote ${id} version ${version} to ${out}`);
    } else io.out(json.trimEnd());
    return 0;
  },
};

export const calibrationReportCommand: Command = {
  words: ['calibration', 'report'],
  usage: 'calibration report (--round NAME | --from DATE --to DATE [--credential C]) --format csv|pdf --out FILE',
  summary: 'Export a round report, or the production double-review report for a date range, as CSV or PDF.',
  flags: {
    round: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    credential: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
  },
  async run({ flags, open, io, actor }) {
    const fileFormat = flags.format;
    if (fileFormat !== 'csv' && fileFormat !== 'pdf') throw new UsageError('--format must be csv or pdf');
    if (typeof flags.out !== 'string') throw new UsageError('--out FILE is required');
    const date = /^\d{4}-\d{2}-\d{2}$/;
    const ctx = await open();
    let file;
    if (typeof flags.round === 'string') {
      const row = await roundByName(ctx, flags.round);
      if (!row) throw new UsageError(`no calibration round named "${flags.round}"`);
      file = await exportReport(ctx, { kind: 'round', id: row.id }, fileFormat, systemActor(actor));
    } else {
      const { from, to } = flags;
      if (typeof from !== 'string' || typeof to !== 'string' || !date.test(from) || !date.test(to))
        throw new UsageError('give --round NAME, or --from and --to as YYYY-MM-DD');
      file = await exportReport(ctx, { kind: 'production', from, to, credential: flags.credential as string | undefined }, fileFormat, systemActor(actor));
    }
    const out = path.resolve(flags.out);
    writeFileAtomic(out, file.encoding === 'base64' ? Buffer.from(file.content, 'base64') : file.content);
    io.out(flags.json ? JSON.stringify({ file: out, ratings: file.count, format: fileFormat }) : `wrote ${out} (${file.count} ratings)`);
    return 0;
  },
};

/** CLI commands of the calibration feature. */
export const calibrationCommands: Command[] = [agreementCommand, roundsListCommand, rubricExportCommand, calibrationReportCommand];
