import type { ServiceContext } from '../services/context';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export interface CommandRun {
  /** Positional arguments after the command words. */
  args: string[];
  flags: Record<string, string | boolean | string[] | undefined>;
  open(): Promise<ServiceContext>;
  /** The data directory --data names (resolved); for commands that must read it without opening the services. */
  dataDir: string;
  io: CliIo;
  actor: string;
}

export interface Command {
  /** Command words, e.g. ['reviewers', 'import']. */
  words: string[];
  usage: string;
  summary: string;
  /** Flags this command accepts beyond --data, --json and --actor. */
  flags?: Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>;
  run(run: CommandRun): Promise<number> | number;
}

/** Bad input from the user (arguments, files): printed as is, exit status 2. */
export class UsageError extends Error {}
