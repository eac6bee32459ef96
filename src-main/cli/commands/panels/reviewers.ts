import fs from 'node:fs';
import { importReviewers, ReviewerCsvError } from '../../../services/panels/reviewer-import';
import { listReviewers, systemActor } from '../../../services/reviewers';
import type { Command } from '../../command';
import { readInputFile } from '../../read-file';
import { UsageError } from '../../command';

export const reviewersImportCommand: Command = {
  words: ['reviewers', 'import'],
  usage: 'reviewers import FILE [--update-existing]',
  summary:
    'Import reviewer profiles from CSV (id,name,email,school,district,roles with roles split by ;), all or nothing; changes to known ids need --update-existing.',
  flags: { 'update-existing': { type: 'boolean' } },
  async run({ args, open, io, flags, actor }) {
    const [file] = args;
    if (!file) throw new UsageError('reviewers import needs a CSV file');
    if (!fs.existsSync(file)) throw new UsageError(`no such file: ${file}`);
    try {
      const r = await importReviewers(await open(), readInputFile(file), systemActor(actor), { updateExisting: flags['update-existing'] === true });
      io.out(flags.json ? JSON.stringify(r) : `imported reviewers: ${r.created.length} created, ${r.updated.length} updated, ${r.unchanged.length} unchanged`);
      return 0;
    } catch (err) {
      if (err instanceof ReviewerCsvError) {
        io.err(err.message);
        return 2;
      }
      throw err;
    }
  },
};

export const reviewersListCommand: Command = {
  words: ['reviewers', 'list'],
  usage: 'reviewers list [--json]',
  summary: 'List reviewer profiles.',
  async run({ open, io, flags }) {
    const rows = await listReviewers(await open());
    if (flags.json)
      io.out(
        JSON.stringify(
          rows.map((r) => ({
            id: r.id,
            name: r.name,
            email: r.email,
            school: r.school,
            district: r.district,
            roles: r.roles,
            active: r.active,
            max_load: r.maxLoad,
          })),
          null,
          2,
        ),
      );
    else for (const r of rows) io.out([r.id, r.name, r.email, r.school, r.district, r.roles.join(';')].join('\t'));
    return 0;
  },
};
