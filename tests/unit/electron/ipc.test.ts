import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCore, type Core } from '../../../src-main/core/api';
import {
  createCallHandler,
  createSaveFileHandler,
  registerIpc,
  safeFileName,
  writeFileAtomic,
  type SaveDialog,
  type SenderEvent,
} from '../../../src-main/electron/ipc';
import type { Services } from '../../../src-main/core/services';
import { IPC_CHANNELS } from '../../../src-shared/contracts/bridge';
import { ApiError, ApiErrorBodySchema } from '../../../src-shared/contracts/errors';
import { tempDir, tempServices } from '../../support/fixtures';

const fromApp: SenderEvent = { senderFrame: { url: 'ew-app://app/index.html#/queue' } };
const foreign: SenderEvent[] = [
  { senderFrame: { url: 'https://evil.example/' } },
  { senderFrame: { url: 'ew-app://evil/index.html' } },
  { senderFrame: { url: 'file:///tmp/x.html' } },
  { senderFrame: null },
  {},
  {
    get senderFrame(): { url: string } {
      throw new Error('Render frame was disposed before WebFrameMain could be accessed');
    },
  },
];

let ctx: Services;
let core: Core;

beforeAll(async () => {
  ctx = await tempServices();
  core = createCore(ctx, { name: 'Evidence Workbench', version: '0.0.0-test', shell: 'electron' });
});
afterAll(() => ctx.close());

describe('call handler', () => {
  it('answers our renderer with the core result', async () => {
    const call = createCallHandler(core);
    const reply = await call(fromApp, { method: 'app.info', input: {}, actor: null });
    expect(reply).toEqual({ ok: true, result: expect.objectContaining({ name: 'Evidence Workbench', shell: 'electron', dataDir: ctx.dataDir }) });
  });

  it('passes method, input and actor through to the core', async () => {
    const handle = vi.fn(async () => ({ rows: [] }));
    const call = createCallHandler({ handle });
    const reply = await call(fromApp, { method: 'queue.list', input: { status: 'new' }, actor: 'reviewer-1' });
    expect(handle).toHaveBeenCalledWith('queue.list', { status: 'new' }, { actor: 'reviewer-1' });
    expect(reply).toEqual({ ok: true, result: { rows: [] } });
  });

  it.each(foreign.map((e, i) => [i, e] as const))('refuses foreign sender #%i without calling the core', async (_i, event) => {
    const handle = vi.fn();
    const reply = await createCallHandler({ handle })(event, { method: 'app.info', input: {}, actor: null });
    expect(handle).not.toHaveBeenCalled();
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error).toMatchObject({ code: 'forbidden' });
  });

  it.each([
    ['not an object', 'app.info'],
    ['null', null],
    ['missing actor', { method: 'app.info', input: {} }],
    ['numeric method', { method: 42, input: {}, actor: null }],
    ['empty method', { method: '', input: {}, actor: null }],
    ['numeric actor', { method: 'app.info', input: {}, actor: 7 }],
    ['extra keys', { method: 'app.info', input: {}, actor: null, channel: 'other' }],
  ])('turns a bad payload (%s) into a bad_request body', async (_label, payload) => {
    const handle = vi.fn();
    const reply = await createCallHandler({ handle })(fromApp, payload);
    expect(handle).not.toHaveBeenCalled();
    expect(reply.ok).toBe(false);
    if (!reply.ok) {
      expect(ApiErrorBodySchema.parse(reply.error).code).toBe('bad_request');
      expect(reply.error.issues?.length).toBeGreaterThan(0);
    }
  });

  it('returns ApiErrors from the core as their body', async () => {
    const call = createCallHandler(core);
    const unknown = await call(fromApp, { method: 'nope.nothing', input: {}, actor: null });
    expect(unknown).toEqual({ ok: false, error: { code: 'not_found', message: 'unknown method nope.nothing' } });
    const missing = await call(fromApp, { method: 'portfolio.get', input: { id: 'does-not-exist' }, actor: null });
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(['not_found', 'bad_request']).toContain(missing.error.code);

    const thrower = createCallHandler({ handle: async () => Promise.reject(new ApiError('conflict', 'already decided', ['P-1'])) });
    expect(await thrower(fromApp, { method: 'app.info', input: {}, actor: 'r' })).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'already decided', issues: ['P-1'] },
    });
  });

  it('never lets a raw error cross: unexpected failures become an internal body without details', async () => {
    const call = createCallHandler({ handle: async () => Promise.reject(new Error('SQLITE_CORRUPT at /home/me/secret/path')) });
    const reply = await call(fromApp, { method: 'app.info', input: {}, actor: null });
    expect(reply).toEqual({ ok: false, error: { code: 'internal', message: 'internal error' } });
    expect(JSON.stringify(reply)).not.toContain('secret');
  });
});

describe('saveFile handler', () => {
  const fakeDialog = (filePath: string | undefined, canceled = false) => {
    const showSaveDialog = vi.fn<SaveDialog['showSaveDialog']>(async () => ({ canceled, ...(filePath ? { filePath } : {}) }));
    return { showSaveDialog };
  };

  it('writes the chosen file (text and bytes) and returns its path', async () => {
    const dir = tempDir('ew-save-');
    const target = path.join(dir, 'report.csv');
    const dialog = fakeDialog(target);
    const save = createSaveFileHandler(dialog);
    expect(await save(fromApp, { suggestedName: 'report.csv', data: 'a,b\n1,2\n' })).toBe(target);
    expect(fs.readFileSync(target, 'utf8')).toBe('a,b\n1,2\n');
    expect(dialog.showSaveDialog).toHaveBeenCalledWith(expect.objectContaining({ defaultPath: 'report.csv' }), fromApp);

    const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0, 255]);
    expect(await save(fromApp, { suggestedName: 'report.pdf', data: bytes })).toBe(target);
    expect(new Uint8Array(fs.readFileSync(target))).toEqual(bytes);
    expect(fs.readdirSync(dir)).toEqual(['report.csv']);
  });

  it('returns null when the user cancels, and writes nothing', async () => {
    const dir = tempDir('ew-save-');
    const save = createSaveFileHandler(fakeDialog(path.join(dir, 'x.csv'), true));
    expect(await save(fromApp, { suggestedName: 'x.csv', data: 'x' })).toBeNull();
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('refuses foreign senders and bad payloads before showing a dialog', async () => {
    const dialog = fakeDialog('/tmp/never');
    const save = createSaveFileHandler(dialog);
    for (const event of foreign) await expect(save(event, { suggestedName: 'a.csv', data: 'x' })).rejects.toMatchObject({ code: 'forbidden' });
    for (const payload of [
      null,
      { suggestedName: '', data: 'x' },
      { suggestedName: 'a.csv' },
      { suggestedName: 'a.csv', data: 12 },
      { suggestedName: 'a', data: 'x', path: '/etc' },
    ])
      await expect(save(fromApp, payload)).rejects.toMatchObject({ code: 'bad_request' });
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
  });

  it('suggests only a bare, harmless file name', () => {
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('C:\\Users\\x\\report.csv')).toBe('report.csv');
    expect(safeFileName('.bashrc')).toBe('bashrc');
    expect(safeFileName('a<b>:c?.csv')).toBe('a_b__c_.csv');
    expect(safeFileName('///')).toBe('export');
  });

  it('replaces an existing file atomically and leaves no temp file on failure', async () => {
    const dir = tempDir('ew-save-');
    const target = path.join(dir, 'out.txt');
    fs.writeFileSync(target, 'old');
    await writeFileAtomic(target, 'new');
    expect(fs.readFileSync(target, 'utf8')).toBe('new');
    await expect(writeFileAtomic(path.join(dir, 'missing-dir', 'x.txt'), 'x')).rejects.toThrow();
    fs.mkdirSync(path.join(dir, 'is-a-dir'));
    fs.writeFileSync(path.join(dir, 'is-a-dir', 'keep'), '');
    await expect(writeFileAtomic(path.join(dir, 'is-a-dir'), 'x')).rejects.toThrow();
    expect(fs.readdirSync(dir).sort()).toEqual(['is-a-dir', 'out.txt']);
  });
});

describe('registerIpc', () => {
  it('registers exactly the two bridge channels and can remove them', async () => {
    const handlers = new Map<string, (event: unknown, payload: unknown) => unknown>();
    const ipcMain = {
      handle: vi.fn((channel: string, fn: (event: unknown, payload: unknown) => unknown) => void handlers.set(channel, fn)),
      removeHandler: vi.fn((channel: string) => void handlers.delete(channel)),
    };
    const dispose = registerIpc(ipcMain as never, core, { showSaveDialog: async () => ({ canceled: true }) });
    expect([...handlers.keys()].sort()).toEqual([IPC_CHANNELS.call, IPC_CHANNELS.saveFile].sort());
    expect(await handlers.get(IPC_CHANNELS.call)!(fromApp, { method: 'app.info', input: {}, actor: null })).toMatchObject({ ok: true });
    expect(await handlers.get(IPC_CHANNELS.saveFile)!(fromApp, { suggestedName: 'a.csv', data: 'x' })).toBeNull();
    dispose();
    expect(handlers.size).toBe(0);
  });
});
