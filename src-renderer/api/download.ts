import type { ExportFile } from '../../src-shared/contracts/exports';

function bytesOf(file: ExportFile): Uint8Array | string {
  if (file.encoding === 'utf8') return file.content;
  const bin = atob(file.content);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/**
 * Saves an exported file: the native save dialog in the desktop app (written atomically by the main process),
 * a download in the browser shell. Resolves to where it went, or null if the reviewer cancelled.
 */
export async function saveExport(file: ExportFile): Promise<string | null> {
  const data = bytesOf(file);
  if (window.evidenceWorkbench) return window.evidenceWorkbench.saveFile(file.fileName, data);
  const blob = new Blob([data as BlobPart], { type: file.mediaType });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return file.fileName;
}
