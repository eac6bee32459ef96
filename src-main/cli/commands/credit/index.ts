import type { Command } from '../../command';

/** CLI commands of the credit feature. */
export const creditCommands: Command[] = [];
