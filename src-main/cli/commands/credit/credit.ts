import fs from 'node:fs';
import path from 'node:path';
import { APPLICATION_STATUS_LABEL, ApplicationStatusSchema, type ApplicationStatus } from '../../../../src-shared/contracts/credit';
import type { ExportFile } from '../../../../src-shared/contracts/exports';
import { listApplications } from '../../../services/credit/applications';
import { importExternal } from '../../../services/credit/external';
import { holdersCsv } from '../../../services/credit/insight';
import { decisionLetter } from '../../../services/credit/letter';
import { exportPathway, listPathways } from '../../../services/credit/pathways';
import { exportStudentRecords } from '../../../services/credit/records';
import { writeFileAtomic } from '../../../services/files';
import { systemActor } from '../../../services/reviewers';
import { addTrustedIssuer, listTrustedIssuers, removeTrustedIssuer } from '../../../services/credit/trust';
import type { CliIo, Command } from '../../command';
import { UsageError } from '../../command';
import { readInputFile } from '../../read-file';

/** Writes an exported file atomically and says where, in words or as JSON. */
export function writeExport(file: ExportFile, out: unknown, io: CliIo, json: unknown, what: string): number {
  if (typeof out !== 'string') throw new UsageError('--out FILE is required');
  const target = path.resolve(out);
  writeFileAtomic(target, file.encoding === 'base64' ? Buffer.from(file.content, 'base64') : file.content);
  if (json) io.out(JSON.stringify({ file: target, count: file.count, mediaType: file.mediaType }));
  else io.out(`wrote ${what} to ${target}`);
  return 0;
}

export const creditExportCommand: Command = {
  words: ['credit', 'export'],
  usage: 'credit export --format csv|json --out FILE',
  summary: 'Approved credit for student-record systems (documented columns, stable order).',
  flags: { format: { type: 'string' }, out: { type: 'string' } },
  async run({ flags, open, io, actor }) {
    const format = flags.format ?? 'csv';
    if (format !== 'csv' && format !== 'json') throw new UsageError('--format must be csv or json');
    const file = await exportStudentRecords(await open(), format, systemActor(actor));
    return writeExport(file, flags.out, io, flags.json, `${file.count} approved award${file.count === 1 ? '' : 's'}`);
  },
};

export const creditLetterCommand: Command = {
  words: ['credit', 'letter'],
  usage: 'credit letter --application ID --out FILE',
  summary: 'The decision letter (PDF) of a decided credit application.',
  flags: { application: { type: 'string' }, out: { type: 'string' } },
  async run({ flags, open, io, actor }) {
    if (typeof flags.application !== 'string') throw new UsageError('--application ID is required');
    const file = await decisionLetter(await open(), flags.application, systemActor(actor));
    return writeExport(file, flags.out, io, flags.json, `the decision letter of ${flags.application}`);
  },
};

export const creditApplicationsCommand: Command = {
  words: ['credit', 'applications'],
  usage: 'credit applications [--status S]... [--json]',
  summary: 'Credit applications: id, candidate, pathway, date, status, requirements met.',
  flags: { status: { type: 'string', multiple: true } },
  async run({ flags, open, io, actor }) {
    const status = (flags.status as string[] | undefined) ?? [];
    for (const s of status)
      if (!ApplicationStatusSchema.safeParse(s).success) throw new UsageError(`unknown status "${s}" (one of ${ApplicationStatusSchema.options.join(', ')})`);
    const rows = await listApplications(await open(), systemActor(actor), { status: status as ApplicationStatus[] });
    if (flags.json) io.out(JSON.stringify(rows, null, 2));
    else
      for (const a of rows)
        io.out(
          [
            a.id,
            a.candidate.id,
            a.candidate.name,
            a.pathway.label,
            a.date,
            APPLICATION_STATUS_LABEL[a.status],
            a.met ? 'requirements met' : 'requirements not met',
          ].join('\t'),
        );
    return 0;
  },
};

export const creditPathwaysCommand: Command = {
  words: ['credit', 'pathways'],
  usage: 'credit pathways [--json]',
  summary: 'Credit pathways (latest versions) with their rules.',
  async run({ flags, open, io }) {
    const rows = await listPathways(await open());
    if (flags.json) io.out(JSON.stringify(rows, null, 2));
    else for (const p of rows) io.out([p.id, `v${p.version}`, `${p.targetCode} ${p.targetTitle}`, p.summary].join('\t'));
    return 0;
  },
};

export const creditPathwayExportCommand: Command = {
  words: ['credit', 'pathway', 'export'],
  usage: 'credit pathway export --id ID [--version N] --out FILE',
  summary: 'A pathway version as JSON (evidence-workbench/pathway@1); `import` reads it back.',
  flags: { id: { type: 'string' }, version: { type: 'string' }, out: { type: 'string' } },
  async run({ flags, open, io }) {
    if (typeof flags.id !== 'string') throw new UsageError('--id ID is required');
    const version = flags.version === undefined ? undefined : Number(flags.version);
    if (version !== undefined && !(Number.isInteger(version) && version > 0)) throw new UsageError('--version must be a whole number');
    const file = await exportPathway(await open(), flags.id, version);
    return writeExport(file, flags.out, io, flags.json, `pathway ${flags.id}`);
  },
};

export const creditImportExternalCommand: Command = {
  words: ['credit', 'import-external'],
  usage: 'credit import-external FILE [--candidate ID] [--update-existing]',
  summary:
    'Credentials earned elsewhere: a CSV file or an Open Badges 3.0 credential (JSON); all or nothing; changes to known candidates need --update-existing.',
  flags: { candidate: { type: 'string' }, 'update-existing': { type: 'boolean' } },
  async run({ args, flags, open, io, actor }) {
    const [file] = args;
    if (!file) throw new UsageError('import-external needs a file');
    if (!fs.existsSync(file)) throw new UsageError(`no such file ${file}`);
    const report = await importExternal(
      await open(),
      {
        fileName: path.basename(file),
        content: readInputFile(file),
        candidateId: flags.candidate as string | undefined,
        updateExisting: flags['update-existing'] === true,
      },
      systemActor(actor),
    );
    if (flags.json) io.out(JSON.stringify(report, null, 2));
    else {
      io.out(
        `imported ${report.imported} external credential${report.imported === 1 ? '' : 's'} (${report.unchanged} unchanged); ` +
          `${report.candidatesCreated.length} new candidates, ${report.matchedByEmail.length} matched by email, ${report.notInCatalogue.length} not in the catalogue` +
          (report.upgraded ? `; ${report.upgraded} now verified` : ''),
      );
      // Stored, but they never count toward credit: say so where the person importing looks.
      for (const u of report.unverified) io.out(`unverified (does not count): ${u.line}: ${u.reason}`);
    }
    return 0;
  },
};

export const creditHoldersCommand: Command = {
  words: ['credit', 'holders'],
  usage: 'credit holders --out FILE [--credential C] [--school S] [--district D]',
  summary: 'Holders of each credential (CSV), to connect people who already hold a skill.',
  flags: { out: { type: 'string' }, credential: { type: 'string' }, school: { type: 'string' }, district: { type: 'string' } },
  async run({ flags, open, io, actor }) {
    const file = await holdersCsv(await open(), systemActor(actor), {
      credential: flags.credential as string | undefined,
      school: flags.school as string | undefined,
      district: flags.district as string | undefined,
    });
    return writeExport(file, flags.out, io, flags.json, `${file.count} holders`);
  },
};

export const creditTrustListCommand: Command = {
  words: ['credit', 'trust', 'list'],
  usage: 'credit trust list [--json]',
  summary: "Badge issuers whose signatures count: this installation's own key, then the trust list.",
  async run({ flags, open, io, actor }) {
    const list = await listTrustedIssuers(await open(), systemActor(actor));
    if (flags.json) io.out(JSON.stringify(list, null, 2));
    else {
      if (list.local) io.out([list.local.thumbprint, list.local.issuerId, list.local.name, "this installation's own key"].join('\t'));
      for (const t of list.issuers) io.out([t.thumbprint, t.issuerId, t.name, `added by ${t.addedBy} ${t.addedAt}`].join('\t'));
    }
    return 0;
  },
};

export const creditTrustAddCommand: Command = {
  words: ['credit', 'trust', 'add'],
  usage: 'credit trust add --issuer ID --name NAME --jwk FILE',
  summary: "Trusts an issuer's public key (JWK file) for badges naming issuer ID; audited.",
  flags: { issuer: { type: 'string' }, name: { type: 'string' }, jwk: { type: 'string' } },
  async run({ flags, open, io, actor }) {
    const { issuer, name, jwk } = flags;
    if (typeof issuer !== 'string' || typeof name !== 'string' || typeof jwk !== 'string')
      throw new UsageError('--issuer ID, --name NAME and --jwk FILE are required');
    if (!fs.existsSync(jwk)) throw new UsageError(`no such file ${jwk}`);
    const ctx = await open();
    const who = systemActor(actor);
    const before = new Set((await listTrustedIssuers(ctx, who)).issuers.map((t) => t.thumbprint));
    const list = await addTrustedIssuer(ctx, { issuerId: issuer, name, jwk: fs.readFileSync(jwk, 'utf8') }, who);
    // An issuer may have several keys (rotation): the one added is the one not listed before.
    const added = list.issuers.find((t) => !before.has(t.thumbprint))!;
    if (flags.json) io.out(JSON.stringify(added, null, 2));
    else io.out(`trusted ${added.name} (${added.issuerId}), key ${added.thumbprint}`);
    return 0;
  },
};

export const creditTrustRemoveCommand: Command = {
  words: ['credit', 'trust', 'remove'],
  usage: 'credit trust remove --key THUMBPRINT',
  summary: "Takes an issuer's key off the trust list (its badges stop counting); audited.",
  flags: { key: { type: 'string' } },
  async run({ flags, open, io, actor }) {
    if (typeof flags.key !== 'string') throw new UsageError('--key THUMBPRINT is required (see `credit trust list`)');
    const ctx = await open();
    const who = systemActor(actor);
    const entry = (await listTrustedIssuers(ctx, who)).issuers.find((t) => t.thumbprint === flags.key);
    await removeTrustedIssuer(ctx, flags.key, who);
    io.out(`removed ${entry?.name ?? 'the issuer'} (key ${flags.key}) from the trust list`);
    return 0;
  },
};
