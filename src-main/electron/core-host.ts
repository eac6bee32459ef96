/**
 * The core host: the entry of the desktop app's utility process (out/main/core-host.js). It opens the data directory,
 * runs every core call and answers the evidence protocol's look-ups, so the database, imports, exports and bundles never
 * run on Electron's main thread, which only relays messages (core-protocol.ts) and keeps the window responsive.
 *
 * The same file runs under plain Node (`child_process.fork` with an IPC channel), which is how it is tested and benched:
 * in a utility process the parent is `process.parentPort`, in a Node child it is `process.send` / `process.on('message')`.
 */
import type { ParentPort } from 'electron';
import { createCore, type Core } from '../core/api';
import { evidenceResponse } from '../core/evidence-response';
import { loadDemoIfFresh, openServices, type Services } from '../core/services';
import { APP_NAME, APP_VERSION } from '../core/version';
import { ApiError } from '../../src-shared/contracts/errors';
import { ToHostSchema, type FromHost, type HostOptions, type ToHost } from './core-protocol';
import { errorBody } from './error-body';

interface ParentChannel {
  send(message: FromHost): void;
  onMessage(listener: (message: unknown) => void): void;
  /** The parent went away without saying close (a Node parent that died); Electron kills its utility processes itself. */
  onGone(listener: () => void): void;
}

function parentChannel(): ParentChannel {
  // Electron's types declare parentPort on every process; it exists only in a utility process.
  const port = (process as { parentPort?: ParentPort }).parentPort;
  if (port)
    return {
      send: (message) => port.postMessage(message),
      onMessage: (listener) => port.on('message', (event) => listener(event.data)),
      onGone: () => {},
    };
  const send = process.send?.bind(process);
  if (send)
    return {
      // A parent that has gone gets no answers; the calls still running finish and the database closes (onGone).
      send: (message) => {
        if (process.connected) send(message);
      },
      onMessage: (listener) => process.on('message', listener),
      onGone: (listener) => process.once('disconnect', listener),
    };
  throw new Error('The core host must be started by utilityProcess.fork or child_process.fork (it has no parent to answer).');
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

function serve(parent: ParentChannel): void {
  let opened: Promise<{ ctx: Services; core: Core } | null> | null = null;
  let closing = false;
  const inFlight = new Set<Promise<void>>();

  async function open(options: HostOptions): Promise<{ ctx: Services; core: Core } | null> {
    try {
      const { dataDir, nativeBinding, databaseUrl } = options;
      const ctx = await openServices({ dataDir, nativeBinding, ...(databaseUrl ? { databaseUrl } : {}) });
      try {
        const demoLoaded = options.loadDemo && (await loadDemoIfFresh(ctx));
        if (demoLoaded) console.log('Loaded the bundled demo portfolios into a new data directory.');
        const core = createCore(ctx, { name: APP_NAME, version: APP_VERSION, shell: 'electron' });
        parent.send({ type: 'ready', demoLoaded });
        return { ctx, core };
      } catch (err) {
        await ctx.close();
        throw err;
      }
    } catch (err) {
      console.error('[core-host] could not open the data directory:', err);
      parent.send({ type: 'failed', message: message(err) });
      return null;
    }
  }

  async function answer(request: Extract<ToHost, { type: 'call' | 'evidence' }>): Promise<void> {
    const { id } = request;
    try {
      const services = opened && (await opened);
      if (!services) throw new ApiError('internal', 'the core is not open');
      const value =
        request.type === 'call'
          ? await services.core.handle(request.method, request.input, request.caller)
          : await evidenceResponse(services.ctx, request.sha256, request.range);
      parent.send({ type: 'reply', id, ok: true, value: value ?? null });
    } catch (err) {
      parent.send({ type: 'reply', id, ok: false, error: errorBody(err) });
    }
  }

  /** Lets the calls already running finish (their transactions commit or roll back), then closes the database and exits. */
  async function close(): Promise<void> {
    if (closing) return;
    closing = true;
    await Promise.allSettled(inFlight);
    const services = opened && (await opened);
    await services?.ctx.close();
    process.exit(0);
  }

  parent.onMessage((raw) => {
    const parsed = ToHostSchema.safeParse(raw);
    if (!parsed.success) {
      const id = (raw as { id?: unknown } | null)?.id;
      console.error('[core-host] refused a message of unknown shape');
      if (typeof id === 'number')
        parent.send({ type: 'reply', id, ok: false, error: new ApiError('bad_request', 'the core host refused a malformed request').toBody() });
      return;
    }
    const request = parsed.data;
    switch (request.type) {
      case 'open':
        // A second open would run the migrations and the start-up sweep again underneath calls already running.
        if (opened) console.error('[core-host] ignored a second open');
        else opened = open(request.options);
        return;
      case 'close':
        void close();
        return;
      default: {
        // Checked as the request arrives: one that came before the close still runs, however soon the close follows.
        if (closing) {
          parent.send({ type: 'reply', id: request.id, ok: false, error: new ApiError('internal', 'the core is closing').toBody() });
          return;
        }
        const done = answer(request).finally(() => inFlight.delete(done));
        inFlight.add(done);
      }
    }
  });
  parent.onGone(() => void close());
  parent.send({ type: 'started' });
}

serve(parentChannel());
