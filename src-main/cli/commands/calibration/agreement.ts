import fs from 'node:fs';
import { agreementReport, parseRatingsCsv, RatingsCsvError, type AgreementReport } from '../../../../src-shared/stats';
import { roundRatingRows } from '../../../services/calibration/report';
import { roundByName } from '../../../services/calibration/rounds';
import type { Command, CliIo } from '../../command';
import { UsageError } from '../../command';
import { readInputFile } from '../../read-file';

const f = (x: number | null) => (x === null ? '–' : x.toFixed(3));

function printTable(report: AgreementReport, io: CliIo): void {
  io.out(['criterion', 'units', 'exact', 'adjacent', 'fleiss', 'α nominal', 'α ordinal', '95 % CI', 'α interval', 'pairs'].join('\t'));
  for (const c of report.criteria)
    io.out(
      [
        c.criterion,
        c.units,
        f(c.exact),
        f(c.adjacent),
        f(c.fleiss_kappa),
        f(c.alpha_nominal),
        f(c.alpha_ordinal),
        c.alpha_ordinal_ci ? `[${f(c.alpha_ordinal_ci[0])}, ${f(c.alpha_ordinal_ci[1])}]` : '–',
        f(c.alpha_interval),
        c.pairs.length,
      ].join('\t'),
    );
}

/**
 * `agreement FILE.csv` (long format: unit,rater,criterion,score) or `agreement --round NAME` (from the database:
 * units are anchor ids, raters reviewer ids). `--json` prints the statistics unrounded.
 */
export const agreementCommand: Command = {
  words: ['agreement'],
  usage: 'agreement FILE.csv | agreement --round NAME [--json]',
  summary: 'Agreement statistics per criterion (exact/adjacent, Cohen’s and Fleiss’ kappa, Krippendorff’s alpha with 95 % CI).',
  flags: { round: { type: 'string' } },
  async run({ args, flags, open, io }) {
    const [file, ...extra] = args;
    if (extra.length) throw new UsageError(`unexpected arguments: ${extra.join(' ')}`);
    const round = flags.round as string | undefined;
    if (file && round) throw new UsageError('give a ratings file or --round NAME, not both');
    if (!file && !round) throw new UsageError('agreement needs a ratings CSV file or --round NAME');
    let report: AgreementReport;
    if (file) {
      if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new UsageError(`no such file: ${file}`);
      try {
        report = agreementReport(parseRatingsCsv(readInputFile(file)));
      } catch (err) {
        if (!(err instanceof RatingsCsvError)) throw err;
        io.err(`error: ${file}: ${err.message}`);
        return 2;
      }
    } else {
      const ctx = await open();
      const row = await roundByName(ctx, round!);
      if (!row) throw new UsageError(`no calibration round named "${round}"`);
      report = agreementReport(await roundRatingRows(ctx, row.id));
    }
    if (flags.json) io.out(JSON.stringify(report, null, 2));
    else printTable(report, io);
    return 0;
  },
};
