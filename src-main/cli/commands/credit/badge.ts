import fs from 'node:fs';
import { exportPortfolioBadge, verifyBadgeFile } from '../../../services/credit/badges';
import { systemActor } from '../../../services/reviewers';
import type { Command } from '../../command';
import { UsageError } from '../../command';
import { writeExport } from './credit';

export const badgeExportCommand: Command = {
  words: ['badge', 'export'],
  usage: 'badge export --portfolio ID --out FILE',
  summary: 'A signed Open Badges 3.0 credential for a passed micro-credential.',
  flags: { portfolio: { type: 'string' }, out: { type: 'string' } },
  async run({ flags, open, io, actor }) {
    if (typeof flags.portfolio !== 'string') throw new UsageError('--portfolio ID is required');
    const file = await exportPortfolioBadge(await open(), flags.portfolio, systemActor(actor));
    return writeExport(file, flags.out, io, flags.json, `the Open Badges credential of ${flags.portfolio}`);
  },
};

export const badgeVerifyCommand: Command = {
  words: ['badge', 'verify'],
  usage: 'badge verify FILE [--require-local-key]',
  summary: 'Checks an Open Badges 3.0 file: schema, signature, tampering, dates, a trusted signer; exits 2 naming each problem.',
  flags: { 'require-local-key': { type: 'boolean' } },
  async run({ args, flags, open, io }) {
    const [file] = args;
    if (!file) throw new UsageError('badge verify needs a file');
    if (!fs.existsSync(file)) throw new UsageError(`no such file ${file}`);
    const r = await verifyBadgeFile(await open(), fs.readFileSync(file, 'utf8'), { requireLocalKey: Boolean(flags['require-local-key']) });
    if (flags.json) io.out(JSON.stringify(r, null, 2));
    if (!r.ok) {
      io.err(`invalid Open Badges credential ${file}:\n${r.problems.map((p) => `- ${p}`).join('\n')}`);
      return 2;
    }
    // Valid means signed by this installation's key or by a key on the trust list (which proves the issuer named).
    const key = r.signedHere ? "; signed with this installation's issuer key" : `; signed with the key of ${r.issuer} on the trust list`;
    if (!flags.json) io.out(`valid: "${r.achievement}" issued by ${r.issuer} on ${r.validFrom} (schema, signature and content checked${key})`);
    return 0;
  },
};
