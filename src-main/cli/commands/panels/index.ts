import type { Command } from '../../command';
import { reviewersImportCommand, reviewersListCommand } from './reviewers';
import { allocateCommand, assignmentsCommand, moderationCommand } from './assignments';
import { bundlesCommands } from './bundles';
import { releaseCommand, releaseListCommand } from './release';

/** CLI commands of the panels feature. */
export const panelsCommands: Command[] = [reviewersImportCommand, reviewersListCommand, allocateCommand, assignmentsCommand, moderationCommand, releaseListCommand, releaseCommand, ...bundlesCommands];
