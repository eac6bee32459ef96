import path from 'node:path';
import { STATUS_LABEL, type Status } from '../../../../src-shared/domain/status';
import { exportBundle, exportResults, importBundle, importResults, RefusedError } from '../../../services/panels/bundles';
import { systemActor } from '../../../services/reviewers';
import { writeFileAtomic } from '../../../services/files';
import type { CliIo, Command } from '../../command';
import { UsageError } from '../../command';

/** A refused bundle or results file: every reason on stderr, exit 2 (nothing was imported). */
async function refusals(io: CliIo, run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (err) {
    if (!(err instanceof RefusedError)) throw err;
    io.err(`${err.message}:\n${err.reasons.map((r) => `- ${r}`).join('\n')}`);
    return 2;
  }
}

const need = (value: unknown, what: string): string => {
  if (typeof value !== 'string' || !value) throw new UsageError(`${what} is required`);
  return value;
};

export const bundleExportCommand: Command = {
  words: ['bundle', 'export'],
  usage: 'bundle export --reviewer ID --out FILE [--json]',
  summary: "Lead: put a reviewer's open assignments in a signed review bundle (.zip) to score offline.",
  flags: { reviewer: { type: 'string' }, out: { type: 'string' } },
  async run({ open, io, flags, actor }) {
    const reviewer = need(flags.reviewer, '--reviewer ID');
    const out = need(flags.out, '--out FILE');
    const b = await exportBundle(await open(), reviewer, systemActor(actor));
    writeFileAtomic(out, b.bytes);
    const summary = {
      bundle: b.bundleId,
      reviewer: b.reviewer,
      file: path.resolve(out),
      bytes: b.bytes.length,
      portfolios: b.portfolios,
      history: b.history,
      anonymous: b.anonymous,
      issuer_thumbprint: b.issuerThumbprint,
    };
    if (flags.json) io.out(JSON.stringify(summary, null, 2));
    else {
      io.out(`bundle ${b.bundleId} for ${b.reviewer}: ${b.portfolios.length} portfolio${b.portfolios.length === 1 ? '' : 's'} (${b.portfolios.join(', ')})`);
      if (b.history.length) io.out(`earlier attempts included read-only: ${b.history.join(', ')}`);
      if (b.anonymous.length) io.out(`anonymous review (candidate identity left out): ${b.anonymous.join(', ')}`);
      io.out(`written to ${path.resolve(out)} (${b.bytes.length} bytes); signing key ${b.issuerThumbprint}`);
    }
    return 0;
  },
};

export const bundleImportCommand: Command = {
  words: ['bundle', 'import'],
  usage: 'bundle import FILE [--json]',
  summary: 'Reviewer: load a review bundle into this data folder (checks its signature); then score in the app.',
  async run({ args, open, io, flags, actor }) {
    const [file] = args;
    if (!file) throw new UsageError('bundle import needs the bundle file');
    return await refusals(io, async () => {
      const ctx = await open();
      const r = await importBundle(ctx, file, systemActor(actor));
      if (flags.json)
        io.out(
          JSON.stringify(
            {
              bundle: r.bundle,
              reviewer: r.reviewer,
              portfolios: r.portfolios,
              history: r.history,
              already_imported: r.alreadyImported,
              issuer_thumbprint: r.issuerThumbprint,
            },
            null,
            2,
          ),
        );
      else {
        io.out(
          r.alreadyImported
            ? `bundle ${r.bundle} was already imported; nothing changed`
            : `imported bundle ${r.bundle}: ${r.portfolios.length} portfolios for ${r.reviewer.name} (${r.reviewer.id}${r.reviewer.created ? ', profile created' : ''})`,
        );
        io.out(`signed by key ${r.issuerThumbprint}`);
        io.out(`open the app on ${ctx.dataDir}, choose the profile ${r.reviewer.name}, score, then: results export --out FILE`);
      }
      return 0;
    });
  },
};

export const resultsExportCommand: Command = {
  words: ['results', 'export'],
  usage: 'results export --out FILE [--bundle ID] [--json]',
  summary: 'Reviewer: write the submitted reviews of a received bundle (default: the latest) for the lead; drafts stay.',
  flags: { out: { type: 'string' }, bundle: { type: 'string' } },
  async run({ open, io, flags, actor }) {
    const out = need(flags.out, '--out FILE');
    const r = await exportResults(await open(), flags.bundle as string | undefined, actor);
    writeFileAtomic(out, r.text);
    if (flags.json)
      io.out(
        JSON.stringify(
          { bundle: r.bundle, reviewer: r.reviewer, file: path.resolve(out), exported: r.exported, skipped_drafts: r.drafts, not_started: r.notStarted },
          null,
          2,
        ),
      );
    else {
      io.out(`exported ${r.exported.length} submitted review${r.exported.length === 1 ? '' : 's'} of bundle ${r.bundle} to ${path.resolve(out)}`);
      if (r.drafts.length) io.out(`skipped ${r.drafts.length} draft${r.drafts.length === 1 ? '' : 's'} (not submitted): ${r.drafts.join(', ')}`);
      if (r.notStarted.length) io.out(`not started: ${r.notStarted.join(', ')}`);
    }
    return 0;
  },
};

export const resultsImportCommand: Command = {
  words: ['results', 'import'],
  usage: 'results import FILE [--json]',
  summary: "Lead: land a reviewer's results file on its bundle's assignments, all or nothing; reconciliation follows.",
  async run({ args, open, io, flags, actor }) {
    const [file] = args;
    if (!file) throw new UsageError('results import needs the results file');
    return await refusals(io, async () => {
      const r = await importResults(await open(), file, systemActor(actor));
      if (flags.json) io.out(JSON.stringify(r, null, 2));
      else {
        for (const x of r.reviews)
          io.out([x.portfolio, x.outcome, STATUS_LABEL[x.status as Status] ?? x.status, x.moderation ? 'moderation' : ''].join('\t').trimEnd());
        io.out(`imported ${r.reviews.length} review${r.reviews.length === 1 ? '' : 's'} by ${r.reviewer} from bundle ${r.bundle}`);
      }
      return 0;
    });
  },
};

export const bundlesCommands: Command[] = [bundleExportCommand, bundleImportCommand, resultsExportCommand, resultsImportCommand];
