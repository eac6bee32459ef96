/**
 * The main-process side of the DesktopBridge. Two channels only:
 *
 *  - IPC_CHANNELS.call     {method, input, actor} → core.handle → {ok: true, result} | {ok: false, error: ApiErrorBody}.
 *                          Never rejects: every failure, including a refused sender or a malformed payload, comes back
 *                          as an error body the renderer's client turns into the same ApiError the HTTP shell produces.
 *  - IPC_CHANNELS.saveFile {suggestedName, data} → native save dialog → atomic write → chosen path | null.
 *
 * Both answer only frames showing our renderer (ew-app://app/). Electron is imported for types only, so the handlers
 * can be tested with plain fake events.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { IpcMain, IpcMainInvokeEvent, SaveDialogOptions } from 'electron';
import { IPC_CHANNELS } from '../../src-shared/contracts/bridge';
import { ApiError, type ApiErrorBody } from '../../src-shared/contracts/errors';
import type { Core } from '../core/api';
import { errorBody } from './error-body';
import { isAllowedSender } from './security';

/** The part of an IPC event the handlers look at (IpcMainInvokeEvent has it; tests pass plain objects). */
export interface SenderEvent {
  senderFrame?: { url: string } | null;
}

export type CallReply = { ok: true; result: unknown } | { ok: false; error: ApiErrorBody };

/** What the call channel needs of the core: its one entry point (the core host's client in the app, the core itself in tests). */
export type CoreHandle = Pick<Core, 'handle'>;

/** What saveFile needs from Electron's dialog; `event` lets main.ts parent the dialog on the asking window. */
export interface SaveDialog {
  showSaveDialog(options: SaveDialogOptions, event: SenderEvent): Promise<{ canceled: boolean; filePath?: string }>;
}

const MAX_NAME = 64;
const MAX_ACTOR = 200;
/** Exports are reports and CSV files; anything larger than this is a bug, not a file to write. */
export const MAX_SAVE_BYTES = 256 * 1024 * 1024;

export const CallPayloadSchema = z
  .object({
    method: z.string().min(1).max(MAX_NAME),
    input: z.unknown(),
    actor: z.string().max(MAX_ACTOR).nullable(),
  })
  .strict();

export const SaveFilePayloadSchema = z
  .object({
    suggestedName: z.string().min(1).max(255),
    data: z.union([z.string(), z.instanceof(Uint8Array)]),
  })
  .strict();

function senderUrl(event: SenderEvent): string {
  // senderFrame is null (or throws on access) when the frame has navigated away or been destroyed since it sent the message.
  try {
    return event.senderFrame?.url ?? '';
  } catch {
    return '';
  }
}

function issuesOf(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.join('.') || '(payload)'}: ${i.message}`);
}

export function createCallHandler(core: CoreHandle): (event: SenderEvent, payload: unknown) => Promise<CallReply> {
  return async (event, payload) => {
    if (!isAllowedSender(senderUrl(event))) return { ok: false, error: new ApiError('forbidden', 'IPC from an unexpected frame was refused').toBody() };
    const parsed = CallPayloadSchema.safeParse(payload);
    if (!parsed.success) return { ok: false, error: new ApiError('bad_request', 'invalid IPC payload', issuesOf(parsed.error)).toBody() };
    const { method, input, actor } = parsed.data;
    try {
      const result = await core.handle(method, input, { actor });
      return { ok: true, result: result ?? null };
    } catch (err) {
      return { ok: false, error: errorBody(err) };
    }
  };
}

/** A file name safe to suggest in the dialog: no directories, no control or reserved characters, not hidden. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_')
    .replace(/^[.\s]+/, '')
    .trim()
    .slice(0, 200);
  return cleaned === '' ? 'export' : cleaned;
}

/** Writes `data` to `target` so that readers see either the old file or the whole new one: temp file, fsync, rename. */
export async function writeFileAtomic(target: string, data: Uint8Array | string): Promise<void> {
  const dir = path.dirname(target);
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${crypto.randomBytes(6).toString('hex')}.tmp`);
  const handle = await fs.promises.open(temp, 'wx', 0o644);
  try {
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.promises.rename(temp, target);
  } catch (err) {
    await fs.promises.rm(temp, { force: true });
    throw err;
  }
}

export function createSaveFileHandler(dialog: SaveDialog): (event: SenderEvent, payload: unknown) => Promise<string | null> {
  return async (event, payload) => {
    if (!isAllowedSender(senderUrl(event))) throw new ApiError('forbidden', 'IPC from an unexpected frame was refused');
    const parsed = SaveFilePayloadSchema.safeParse(payload);
    if (!parsed.success) throw new ApiError('bad_request', `invalid save request: ${issuesOf(parsed.error).join('; ')}`);
    const { suggestedName, data } = parsed.data;
    const size = typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength;
    if (size > MAX_SAVE_BYTES) throw new ApiError('bad_request', 'file too large to save');
    const choice = await dialog.showSaveDialog(
      { defaultPath: safeFileName(suggestedName), properties: ['createDirectory', 'showOverwriteConfirmation'] },
      event,
    );
    if (choice.canceled || !choice.filePath) return null;
    const target = path.resolve(choice.filePath);
    await writeFileAtomic(target, data);
    return target;
  };
}

/**
 * Registers both channels. Without a dialog (tests, headless use) only the call channel is registered.
 * Returns a function that removes the handlers again.
 */
export function registerIpc(ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>, core: CoreHandle, dialog?: SaveDialog): () => void {
  const call = createCallHandler(core);
  ipcMain.handle(IPC_CHANNELS.call, (event: IpcMainInvokeEvent, payload: unknown) => call(event, payload));
  if (dialog) {
    const save = createSaveFileHandler(dialog);
    ipcMain.handle(IPC_CHANNELS.saveFile, (event: IpcMainInvokeEvent, payload: unknown) => save(event, payload));
  }
  return () => {
    ipcMain.removeHandler(IPC_CHANNELS.call);
    if (dialog) ipcMain.removeHandler(IPC_CHANNELS.saveFile);
  };
}
