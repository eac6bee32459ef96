import { checkStore } from '../../services/store-integrity';
import type { Command } from '../command';

export const storeCheckCommand: Command = {
  words: ['store', 'check'],
  usage: 'store check [--repair] [--json]',
  summary: 'Compare the evidence store with the database; --repair removes files nothing refers to. Exit 0 clean, 1 problems remain.',
  flags: { repair: { type: 'boolean' } },
  async run({ flags, open, io }) {
    const report = await checkStore(await open(), { repair: Boolean(flags.repair) });
    if (flags.json) io.out(JSON.stringify(report, null, 2));
    else {
      const section = (title: string, items: string[]) => (items.length ? [`${title} (${items.length}):`, ...items.map((x) => `  ${x}`)] : []);
      const lines = [
        ...section('referenced but missing from the store', report.missing),
        ...section('files whose bytes no longer match their hash', report.corrupt),
        ...section('files nothing refers to', report.unreferenced),
        ...section('staged files left by processes that are gone', report.staleStaging),
        ...section('unfinished imports of processes that are gone', report.abandonedImports),
        ...section('repaired: removed unreferenced files', report.repaired.unreferenced),
        ...section('repaired: removed stale staged files', report.repaired.staleStaging),
        ...section('repaired: took out unfinished imports', report.repaired.abandonedImports),
      ];
      io.out(
        [...lines, report.clean ? 'store is consistent with the database' : 'problems remain (see above; --repair removes only what nothing refers to)'].join(
          '\n',
        ),
      );
    }
    return report.clean ? 0 : 1;
  },
};
