import type { Command } from '../command';
import { importCommand } from './import';
import { listCommand } from './list';
import { exportCommand } from './export';
import { panelsCommands } from './panels';
import { calibrationCommands } from './calibration';
import { creditCommands } from './credit';
import { auditVerifyCommand } from './audit';
import { storeCheckCommand } from './store';
import { dbMigrateToCommand } from './db';

export const commands: Command[] = [
  importCommand,
  listCommand,
  exportCommand,
  ...panelsCommands,
  ...calibrationCommands,
  ...creditCommands,
  auditVerifyCommand,
  storeCheckCommand,
  dbMigrateToCommand,
];
