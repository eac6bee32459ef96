import { describe, expect, it, vi } from 'vitest';
import { createBridge } from '../../../src-main/electron/bridge';
import { IPC_CHANNELS, type DesktopBridge } from '../../../src-shared/contracts/bridge';

describe('preload bridge', () => {
  it('exposes exactly the DesktopBridge: call, saveFile and the evidence base URL', () => {
    const bridge: DesktopBridge = createBridge(vi.fn());
    expect(Object.keys(bridge).sort()).toEqual(['call', 'evidenceBaseUrl', 'saveFile']);
    expect(bridge.evidenceBaseUrl).toBe('ew-evidence://blob/');
    expect(typeof bridge.call).toBe('function');
    expect(typeof bridge.saveFile).toBe('function');
    expect(Object.isFrozen(bridge)).toBe(true);
  });

  it('invokes only the two channels, with the payload shapes ipc.ts validates', async () => {
    const invoke = vi.fn(async (channel: string) => (channel === IPC_CHANNELS.call ? { ok: true, result: 42 } : '/tmp/report.csv'));
    const bridge = createBridge(invoke);
    await expect(bridge.call('queue.counts', {}, 'reviewer-1')).resolves.toEqual({ ok: true, result: 42 });
    await expect(bridge.saveFile('report.csv', 'a,b')).resolves.toBe('/tmp/report.csv');
    const bytes = new Uint8Array([1, 2, 3]);
    await bridge.saveFile('report.pdf', bytes);
    expect(invoke.mock.calls).toEqual([
      [IPC_CHANNELS.call, { method: 'queue.counts', input: {}, actor: 'reviewer-1' }],
      [IPC_CHANNELS.saveFile, { suggestedName: 'report.csv', data: 'a,b' }],
      [IPC_CHANNELS.saveFile, { suggestedName: 'report.pdf', data: bytes }],
    ]);
  });

  it('hands the renderer nothing but the reply (no event, no ipcRenderer)', async () => {
    const invoke = vi.fn(async () => ({ ok: false, error: { code: 'forbidden', message: 'no' } }));
    const reply = await createBridge(invoke).call('app.info', undefined, null);
    expect(reply).toEqual({ ok: false, error: { code: 'forbidden', message: 'no' } });
    expect(invoke).toHaveBeenCalledWith(IPC_CHANNELS.call, { method: 'app.info', input: undefined, actor: null });
  });
});
