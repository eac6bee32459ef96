import type { Command } from '../command';
import { importCommand } from './import';
import { listCommand } from './list';
import { exportCommand } from './export';

export const commands: Command[] = [importCommand, listCommand, exportCommand];
