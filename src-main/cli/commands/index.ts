import type { Command } from '../command';
import { importCommand } from './import';
import { listCommand } from './list';

export const commands: Command[] = [importCommand, listCommand];
