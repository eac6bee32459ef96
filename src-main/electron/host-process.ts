/**
 * The core host's process as the client sees it, over the two ways of starting it: an Electron utility process (the
 * desktop app) and a Node child process (tests, benches). Electron is imported for types only, so this file loads under
 * plain Node. Both use structured clone for messages (Node's `serialization: 'advanced'`), so the same values cross.
 */
import { fork } from 'node:child_process';
import type { UtilityProcess } from 'electron';
import type { ToHost } from './core-protocol';

export interface HostProcess {
  /** Undefined until the process has started and after it has ended. */
  readonly pid: number | undefined;
  postMessage(message: ToHost): void;
  onMessage(listener: (message: unknown) => void): void;
  /** Once, when the process has ended, for whatever reason; `null` when a signal ended it. */
  onExit(listener: (code: number | null) => void): void;
  kill(): void;
}

/** Wraps `utilityProcess.fork(...)`'s result. */
export function utilityHost(child: UtilityProcess): HostProcess {
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  return {
    get pid() {
      return child.pid;
    },
    // Posting to a utility process that has exited crashes the main process in Electron releases before the fix of
    // electron/electron#53293, so nothing is posted once it is gone.
    postMessage: (message) => {
      if (!exited) child.postMessage(message);
    },
    onMessage: (listener) => child.on('message', listener),
    onExit: (listener) => child.once('exit', listener),
    kill: () => {
      if (!exited) child.kill();
    },
  };
}

/**
 * Forks the core host under Node: `modulePath` is core-host.ts with `execArgv: ['--import', 'tsx']`, or a built
 * core-host.js. Its output goes to this process's own.
 */
export function nodeHost(modulePath: string, execArgv: string[] = []): HostProcess {
  const child = fork(modulePath, [], { execArgv, serialization: 'advanced', stdio: 'inherit' });
  return {
    get pid() {
      return child.exitCode === null && child.signalCode === null ? child.pid : undefined;
    },
    postMessage: (message) => {
      if (child.connected) child.send(message);
    },
    onMessage: (listener) => child.on('message', listener),
    // 'close', not 'exit': it comes after the IPC channel has delivered the last replies the child sent.
    onExit: (listener) => child.once('close', (code) => listener(code)),
    kill: () => child.kill(),
  };
}
