/**
 * The object the preload exposes as `window.evidenceWorkbench`. Built from an `invoke` function (ipcRenderer.invoke in
 * the preload) so it can be tested without Electron. It only ever invokes the two channels of IPC_CHANNELS and hands
 * the renderer no Electron object, event or function that could reach any other channel.
 */
import { IPC_CHANNELS, type DesktopBridge } from '../../src-shared/contracts/bridge';
import { EVIDENCE_BASE_URL } from './constants';

export type Invoke = (channel: string, payload: unknown) => Promise<unknown>;

export function createBridge(invoke: Invoke): DesktopBridge {
  const bridge = {
    call: async (method: string, input: unknown, actor: string | null) =>
      (await invoke(IPC_CHANNELS.call, { method, input, actor })) as ReturnType<DesktopBridge['call']>,
    evidenceBaseUrl: EVIDENCE_BASE_URL,
    saveFile: async (suggestedName: string, data: Uint8Array | string) =>
      (await invoke(IPC_CHANNELS.saveFile, { suggestedName, data })) as Promise<string | null>,
  } satisfies DesktopBridge;
  return Object.freeze(bridge);
}
