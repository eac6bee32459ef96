import { useMutation } from '@tanstack/react-query';
import type { ExportFile } from '../../../../src-shared/contracts/exports';
import { saveExport } from '../../../api/download';

/** Fetches an exported file and hands it to the save dialog (desktop) or a download (browser shell). */
export function useDownload<T>(fetchFile: (arg: T) => Promise<ExportFile>) {
  return useMutation({ mutationFn: async (arg: T) => saveExport(await fetchFile(arg)) });
}
