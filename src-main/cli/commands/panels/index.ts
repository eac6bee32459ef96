import type { Command } from '../../command';

/** CLI commands of the panels feature. */
export const panelsCommands: Command[] = [];
