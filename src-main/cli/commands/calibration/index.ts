import type { Command } from '../../command';

/** CLI commands of the calibration feature. */
export const calibrationCommands: Command[] = [];
