/**
 * Headless use for panel leads and scripts: `npm run cli -- <command> [--data DIR] [--json]`.
 * Output on stdout is stable; errors go to stderr; exit 0 ok, 2 bad input (usage, refused file), 1 anything else.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { defaultDataDir } from '../core/paths';
import { databaseUrlFrom, openServices, type Services } from '../core/services';
import { ImportError } from '../services/import/problems';
import { ApiError } from '../../src-shared/contracts/errors';
import { UsageError, type CliIo, type Command } from './command';
import { commands } from './commands';
import { terminalSafeIo } from './terminal-safe';

function helpText(): string {
  return [
    'Evidence Workbench CLI',
    '',
    'Usage: npm run cli -- <command> [options]',
    '',
    ...commands.map((c) => `  ${c.usage.padEnd(62)} ${c.summary}`),
    '',
    "Every command takes --data DIR (default: the desktop app's data folder, or $EVIDENCE_WORKBENCH_DATA),",
    '--json for machine-readable output on stdout, and --actor NAME (recorded in the audit log; default cli:$USER).',
  ].join('\n');
}

function findCommand(argv: string[]): { command: Command; rest: string[] } | null {
  const words = argv.filter((a) => !a.startsWith('-'));
  const matches = commands.filter((c) => c.words.every((w, i) => words[i] === w)).sort((a, b) => b.words.length - a.words.length);
  const command = matches[0];
  if (!command) return null;
  const rest = [...argv];
  for (const w of command.words) rest.splice(rest.indexOf(w), 1);
  return { command, rest };
}

export async function runCli(argv: string[], rawIo: CliIo): Promise<number> {
  const io = terminalSafeIo(rawIo);
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === 'help') {
    io.out(helpText());
    return argv.length === 0 ? 2 : 0;
  }
  const found = findCommand(argv);
  if (!found) {
    io.err(`unknown command "${argv.join(' ')}"\n\n${helpText()}`);
    return 2;
  }
  const { command, rest } = found;
  let ctx: Services | null = null;
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        data: { type: 'string' },
        'database-url': { type: 'string' },
        json: { type: 'boolean', default: false },
        actor: { type: 'string' },
        ...(command.flags ?? {}),
      },
    });
    const dataDir = path.resolve((values.data as string | undefined) ?? defaultDataDir());
    return await command.run({
      args: positionals,
      flags: values as Record<string, string | boolean | string[] | undefined>,
      open: async () => (ctx ??= await openServices({ dataDir, databaseUrl: databaseUrlFrom(values['database-url'] as string | undefined) })),
      dataDir,
      io,
      actor: (values.actor as string | undefined) ?? `cli:${process.env.USER ?? 'user'}`,
    });
  } catch (err) {
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`error: ${(err as Error).message}\nusage: ${command.usage}`);
      return 2;
    }
    if (err instanceof ImportError) {
      io.err(err.message);
      return 2;
    }
    if (err instanceof ApiError) {
      io.err(`error: ${err.message}${err.issues ? `\n${err.issues.join('\n')}` : ''}`);
      return err.code === 'internal' ? 1 : 2;
    }
    io.err(`error: ${(err as Error).message}`);
    return 1;
  } finally {
    await (ctx as Services | null)?.close();
  }
}
