import type { Command } from '../../command';
import {
  creditApplicationsCommand,
  creditExportCommand,
  creditHoldersCommand,
  creditImportExternalCommand,
  creditLetterCommand,
  creditPathwayExportCommand,
  creditPathwaysCommand,
  creditTrustAddCommand,
  creditTrustListCommand,
  creditTrustRemoveCommand,
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
  creditTrustListCommand,
  creditTrustAddCommand,
  creditTrustRemoveCommand,
  badgeExportCommand,
  badgeVerifyCommand,
];
