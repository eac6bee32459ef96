/**
 * What the Electron preload exposes on `window.evidenceWorkbench` (contextBridge): one typed call into the core and
 * the URL scheme of the evidence protocol. Never a raw ipcRenderer.
 */
export interface DesktopBridge {
  call(method: string, input: unknown, actor: string | null): Promise<{ ok: true; result: unknown } | { ok: false; error: unknown }>;
  evidenceBaseUrl: string;
  /** Shows the native save dialog and writes the file in the main process; resolves to the chosen path or null. */
  saveFile(suggestedName: string, data: Uint8Array | string): Promise<string | null>;
}

export const IPC_CHANNELS = { call: 'ew:call', saveFile: 'ew:save-file' } as const;
export const EVIDENCE_SCHEME = 'ew-evidence';
export const APP_SCHEME = 'ew-app';
