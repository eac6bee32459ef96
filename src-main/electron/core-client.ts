/**
 * The main process's handle on the core host (core-host.ts): the same `handle(method, input, caller)` the IPC layer
 * calls on an in-process core, carried over core-protocol.ts messages and matched to their replies by id.
 *
 * When the host dies, every call waiting on it fails at once with an `internal` error saying so, and a new host is
 * started on the same data directory; calls made meanwhile wait for it. A host that dies again and again (more than
 * `maxRestarts` times within `restartWindowMs`), or that cannot reopen the data directory, stops the client: each call
 * then fails with the reason, and `onStopped` tells the main process, which reports it to the user.
 */
import { toApiError as errorFromBody } from '../../src-shared/contracts/client';
import { ApiError } from '../../src-shared/contracts/errors';
import type { Caller } from '../core/api';
import type { EvidenceResponse } from '../core/evidence-response';
import { FromHostSchema, type HostOptions, type ToHost } from './core-protocol';
import type { HostProcess } from './host-process';
import type { CoreHandle } from './ipc';

/** The host could not open the data directory (or database): `message` is the one-line reason from the core. */
export class CoreOpenError extends Error {
  override readonly name = 'CoreOpenError';
}

export interface CoreClientOptions {
  spawn(): HostProcess;
  host: HostOptions;
  maxRestarts?: number;
  restartWindowMs?: number;
  /** How long close() waits for the host to finish its calls and close the database before killing it. */
  closeTimeoutMs?: number;
  /** A host died and a new one is starting. */
  onRestart?(exitCode: number | null): void;
  /** The client has given up: `reason` is the one line every later call fails with. */
  onStopped?(reason: string): void;
}

export interface CoreClient extends CoreHandle {
  /** Starts the first host; resolves once the core is open, rejects with a CoreOpenError when it cannot open. */
  start(): Promise<{ demoLoaded: boolean }>;
  /** What the evidence protocol answers for a blob and Range header (the caller streams the file named in `range`). */
  evidence(sha256: string, range?: string): Promise<EvidenceResponse>;
  /** Lets the host finish the calls it is running, close the database and exit. */
  close(): Promise<void>;
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

/** One host process, from its start to its exit. */
interface Incarnation {
  host: HostProcess;
  opened: Promise<{ demoLoaded: boolean }>;
  pending: Map<number, Pending>;
  /** Started after another died: its failure to open is news for onStopped, not an answer to start(). */
  isRestart: boolean;
  wasReady: boolean;
  gone: boolean;
  exited: Promise<void>;
}

const exitText = (code: number | null) => (code === null ? 'killed by a signal' : `exit code ${code}`);

export function createCoreClient(options: CoreClientOptions): CoreClient {
  const { maxRestarts = 3, restartWindowMs = 60_000, closeTimeoutMs = 10_000 } = options;
  let current: Incarnation | null = null;
  let stoppedReason: string | null = null;
  let closing = false;
  let nextId = 1;
  const restarts: number[] = [];

  function stop(reason: string, tell: boolean): void {
    if (stoppedReason !== null) return;
    stoppedReason = reason;
    if (tell) options.onStopped?.(reason);
  }

  function launch(isRestart: boolean): Incarnation {
    const host = options.spawn();
    let settleOpen!: { resolve(ready: { demoLoaded: boolean }): void; reject(error: Error): void };
    const opened = new Promise<{ demoLoaded: boolean }>((resolve, reject) => (settleOpen = { resolve, reject }));
    // A failed open reaches start() or onStopped; this keeps Node from also reporting it as unhandled.
    opened.catch(() => {});
    let markExited!: () => void;
    const exited = new Promise<void>((resolve) => (markExited = resolve));
    const incarnation: Incarnation = { host, opened, pending: new Map(), isRestart, wasReady: false, gone: false, exited };

    host.onMessage((raw) => {
      const parsed = FromHostSchema.safeParse(raw);
      if (!parsed.success) {
        console.error('[core-client] ignored a message of unknown shape from the core host');
        return;
      }
      const message = parsed.data;
      switch (message.type) {
        case 'started':
          host.postMessage({ type: 'open', options: options.host });
          return;
        case 'ready':
          incarnation.wasReady = true;
          settleOpen.resolve({ demoLoaded: message.demoLoaded });
          return;
        case 'failed':
          settleOpen.reject(new CoreOpenError(message.message));
          host.kill();
          return;
        case 'reply': {
          const waiting = incarnation.pending.get(message.id);
          if (!waiting) return;
          incarnation.pending.delete(message.id);
          if (message.ok) waiting.resolve(message.value);
          else waiting.reject(errorFromBody(message.error));
        }
      }
    });

    host.onExit((code) => {
      incarnation.gone = true;
      markExited();
      const lost = new ApiError('internal', `the core process stopped (${exitText(code)}) before answering; try again`);
      for (const waiting of incarnation.pending.values()) waiting.reject(lost);
      incarnation.pending.clear();
      settleOpen.reject(new CoreOpenError(`the core process stopped (${exitText(code)}) while opening the data directory`));
      if (closing || current !== incarnation) return;
      if (!incarnation.wasReady) {
        // It never opened, so starting it again would fail the same way.
        opened.catch((err: Error) => stop(`the core could not open: ${err.message}`, incarnation.isRestart));
        return;
      }
      console.error(`[core-client] the core process stopped (${exitText(code)}); starting it again`);
      const now = Date.now();
      while (restarts.length > 0 && restarts[0]! < now - restartWindowMs) restarts.shift();
      if (restarts.length >= maxRestarts) {
        stop(`the core process stopped ${restarts.length + 1} times within ${Math.round(restartWindowMs / 1000)} seconds; restart the app`, true);
        return;
      }
      restarts.push(now);
      current = launch(true);
      options.onRestart?.(code);
    });
    return incarnation;
  }

  async function request(make: (id: number) => ToHost): Promise<unknown> {
    for (;;) {
      if (closing) throw new ApiError('internal', 'the core is closing');
      if (stoppedReason !== null) throw new ApiError('internal', stoppedReason);
      const incarnation = current;
      if (!incarnation) throw new ApiError('internal', 'the core has not been started');
      if (!incarnation.wasReady) {
        try {
          await incarnation.opened;
        } catch (err) {
          throw new ApiError('internal', `the core could not open: ${(err as Error).message}`);
        }
        // Closing, stopping or a replacement may have happened meanwhile: check again.
        continue;
      }
      // It died after opening: a replacement is starting (wait for it) or the client has stopped (say why).
      if (incarnation.gone) continue;
      // Posted without waiting once the host is open, so calls reach it in the order they were made, before a close.
      const id = nextId++;
      return new Promise((resolve, reject) => {
        try {
          incarnation.host.postMessage(make(id));
        } catch {
          // Only structured-cloneable values cross (the renderer's IPC already guarantees that for its calls).
          reject(new ApiError('bad_request', 'the request holds a value that cannot be sent to the core'));
          return;
        }
        incarnation.pending.set(id, { resolve, reject });
      });
    }
  }

  return {
    async start() {
      if (current) throw new Error('the core host has already been started');
      current = launch(false);
      return current.opened;
    },
    handle: (method, input, caller: Caller) => request((id) => ({ type: 'call', id, method: String(method), input, caller: { actor: caller.actor } })),
    evidence: (sha256, range) => request((id) => ({ type: 'evidence', id, sha256, ...(range === undefined ? {} : { range }) })) as Promise<EvidenceResponse>,
    async close() {
      closing = true;
      const incarnation = current;
      if (!incarnation) return;
      incarnation.host.postMessage({ type: 'close' });
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), closeTimeoutMs)));
      if ((await Promise.race([incarnation.exited, timedOut])) === 'timeout') {
        console.error('[core-client] the core process did not close in time; stopping it');
        incarnation.host.kill();
        await incarnation.exited;
      }
      clearTimeout(timer);
    },
  };
}
