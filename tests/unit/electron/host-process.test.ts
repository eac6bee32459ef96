import { EventEmitter } from 'node:events';
import type { UtilityProcess } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { utilityHost } from '../../../src-main/electron/host-process';

/** What utilityHost uses of Electron's UtilityProcess, on a plain EventEmitter. */
function fakeUtilityProcess() {
  return Object.assign(new EventEmitter(), { pid: 4321 as number | undefined, postMessage: vi.fn(), kill: vi.fn(() => true) });
}

describe('utilityHost', () => {
  it('passes messages both ways and reports the exit code', () => {
    const child = fakeUtilityProcess();
    const host = utilityHost(child as unknown as UtilityProcess);
    const received = vi.fn();
    const exited = vi.fn();
    host.onMessage(received);
    host.onExit(exited);
    host.postMessage({ type: 'close' });
    expect(child.postMessage).toHaveBeenCalledWith({ type: 'close' });
    // A utility process's 'message' event carries the message itself (parentPort's carries a MessageEvent).
    child.emit('message', { type: 'started' });
    expect(received).toHaveBeenCalledWith({ type: 'started' });
    expect(host.pid).toBe(4321);
    child.emit('exit', 3);
    expect(exited).toHaveBeenCalledWith(3);
  });

  it('never posts to or kills a process that has exited (older Electron crashes the main process)', () => {
    const child = fakeUtilityProcess();
    const host = utilityHost(child as unknown as UtilityProcess);
    child.emit('exit', 0);
    host.postMessage({ type: 'close' });
    host.kill();
    expect(child.postMessage).not.toHaveBeenCalled();
    expect(child.kill).not.toHaveBeenCalled();
  });
});
