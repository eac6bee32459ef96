import type { Command } from '../../command';
import {
  creditApplicationsCommand,
  creditExportCommand,
  creditHoldersCommand,
  creditImportExternalCommand,
  creditLetterCommand,
  creditPathwayExportCommand,
  creditPathwaysCommand,
} from './credit';
import { badgeExportCommand, badgeVerifyCommand } from './badge';

/** CLI commands of the credit feature. */
export const creditCommands: Command[] = [
  creditExportCommand,
  creditLetterCommand,
  creditApplicationsCommand,
  creditPathwaysCommand,
  creditPathwayExportCommand,
  creditImportExternalCommand,
  creditHoldersCommand,
  badgeExportCommand,
  badgeVerifyCommand,
];
