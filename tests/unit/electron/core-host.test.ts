/**
 * The core host forked for real under Node (the same file Electron's utility process runs), on real data directories
 * with the bundled demo, next to the same data directory opened in-process: the answers, the errors and the evidence
 * look-ups must be the same either way, however many calls are in flight, and a host that dies must not leave a call
 * hanging.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCore, type Core } from '../../../src-main/core/api';
import { evidenceResponse } from '../../../src-main/core/evidence-response';
import { createCoreClient, CoreOpenError, type CoreClient, type CoreClientOptions } from '../../../src-main/electron/core-client';
import { errorBody } from '../../../src-main/electron/error-body';
import { nodeHost, type HostProcess } from '../../../src-main/electron/host-process';
import { createCallHandler } from '../../../src-main/electron/ipc';
import { createEvidenceProtocolHandler } from '../../../src-main/electron/protocols';
import type { Services } from '../../../src-main/core/services';
import { ApiError } from '../../../src-shared/contracts/errors';
import { breakTestDatabase, openTestServices, testDatabaseUrl } from '../../support/dialect';
import { sha256, tempDir } from '../../support/fixtures';

const HOST = path.resolve('src-main/electron/core-host.ts');
const TSX = ['--import', 'tsx'];
const PARENT_PORT = ['--import', path.resolve('tests/unit/electron/support/parent-port.ts')];
const anyone = { actor: null };
const fromApp = { senderFrame: { url: 'ew-app://app/index.html' } };

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** The host's options for a data directory on the run's dialect. */
async function hostOptions(dataDir: string, loadDemo = false) {
  const databaseUrl = await testDatabaseUrl(dataDir);
  return { dataDir, loadDemo, ...(databaseUrl ? { databaseUrl } : {}) };
}

/** A client whose hosts the test can reach (to stop or kill them), closed after the file. */
const clients: CoreClient[] = [];
async function client(
  dataDir: string,
  overrides: Partial<CoreClientOptions> & { execArgv?: string[] } = {},
): Promise<{ client: CoreClient; hosts: HostProcess[] }> {
  const hosts: HostProcess[] = [];
  const { execArgv = TSX, ...rest } = overrides;
  const c = createCoreClient({
    spawn: () => {
      const host = nodeHost(HOST, execArgv);
      hosts.push(host);
      return host;
    },
    host: await hostOptions(dataDir),
    ...rest,
  });
  clients.push(c);
  return { client: c, hosts };
}
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
});

/** Settles a promise to its error body (or fails the test if it resolves). */
async function failure(p: Promise<unknown>) {
  const err = await p.then(
    (value) => {
      throw new Error(`expected a failure, got ${JSON.stringify(value)}`);
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ApiError);
  return errorBody(err);
}

describe('the core host on the bundled demo', () => {
  const dataDir = tempDir('ew-host-');
  let remote: CoreClient;
  let ctx: Services;
  let local: Core;

  beforeAll(async () => {
    remote = (await client(dataDir, { host: await hostOptions(dataDir, true) })).client;
    expect(await remote.start()).toEqual({ demoLoaded: true });
    // The same data directory opened in this process: what the desktop app did before the core had a process of its own.
    ctx = await openTestServices({ dataDir });
    local = createCore(ctx, { name: 'Evidence Workbench', version: '0.1.0', shell: 'electron' });
  });
  afterAll(() => ctx.close());

  it('answers app.info and queue.list as the in-process core does', async () => {
    expect(await remote.handle('app.info', {}, anyone)).toEqual(await local.handle('app.info', {}, anyone));
    const queue = (await remote.handle('queue.list', {}, anyone)) as { total: number; rows: unknown[] };
    expect(queue.total).toBeGreaterThan(0);
    expect(queue).toEqual(await local.handle('queue.list', {}, anyone));
  });

  it('fails with the same error bodies as the in-process core, through the IPC layer too', async () => {
    const requests: [string, unknown][] = [
      ['nope.nothing', {}],
      ['queue.list', { limit: 'many' }],
      ['portfolio.get', { id: 'P-does-not-exist' }],
      ['review.open', { portfolioId: 'P-does-not-exist' }],
    ];
    for (const [method, input] of requests) {
      const body = await failure(remote.handle(method, input, anyone));
      expect(body, method).toEqual(await failure(local.handle(method, input, anyone)));
      const payload = { method, input, actor: null };
      expect(await createCallHandler(remote)(fromApp, payload), method).toEqual(await createCallHandler(local)(fromApp, payload));
    }
    expect(await failure(remote.handle('nope.nothing', {}, anyone))).toEqual({ code: 'not_found', message: 'unknown method nope.nothing' });
    expect((await failure(remote.handle('queue.list', { limit: 'many' }, anyone))).issues?.length).toBeGreaterThan(0);
  });

  it('matches every reply to its call when many are in flight', async () => {
    const { rows } = (await local.handle('queue.list', { limit: 100 }, anyone)) as { rows: { id: string }[] };
    const calls: [string, unknown][] = [];
    for (let i = 0; i < 60; i++) {
      const pick = i % 4;
      if (pick === 0) calls.push(['queue.list', { offset: i % rows.length, limit: 1 + (i % 5) }]);
      else if (pick === 1) calls.push(['portfolio.get', { id: rows[i % rows.length]!.id }]);
      else if (pick === 2) calls.push(['queue.counts', {}]);
      else calls.push(['portfolio.get', { id: `P-missing-${i}` }]);
    }
    const settle = (core: Pick<Core, 'handle'>) =>
      Promise.all(
        calls.map(([m, input]) =>
          core.handle(m, input, anyone).then(
            (value) => ({ value }),
            (e: unknown) => ({ error: errorBody(e) }),
          ),
        ),
      );
    const [fromHost, inProcess] = [await settle(remote), await settle(local)];
    expect(fromHost).toEqual(inProcess);
    expect(fromHost.filter((r) => 'error' in r)).toHaveLength(15);
  });

  it('tells the evidence protocol what to send, which this process streams from the store', async () => {
    const { rows } = (await local.handle('queue.list', { limit: 1 }, anyone)) as { rows: { id: string }[] };
    const detail = (await local.handle('portfolio.get', { id: rows[0]!.id }, anyone)) as { evidence: { sha256: string }[] };
    const sha = detail.evidence[0]!.sha256;
    for (const range of [undefined, 'bytes=0-9', 'bytes=999999999-'])
      expect(await remote.evidence(sha, range)).toEqual(await evidenceResponse(ctx, sha, range));
    expect((await remote.evidence('0'.repeat(64))).status).toBe(404);
    const served = await createEvidenceProtocolHandler((s, range) => remote.evidence(s, range))(new Request(`ew-evidence://blob/${sha}`));
    expect(served.status).toBe(200);
    expect(sha256(new Uint8Array(await served.arrayBuffer()))).toBe(sha);
  });
});

describe('opening', () => {
  it('reports why the data directory could not be opened, in the words the core gives', async () => {
    const notADir = path.join(tempDir('ew-host-'), 'a-file');
    fs.writeFileSync(notADir, 'not a data directory');
    const inProcess = await Promise.resolve()
      .then(() => openTestServices({ dataDir: notADir }))
      .then(
        () => null,
        (e: Error) => e.message,
      );
    expect(inProcess).toBeTruthy();
    const { client: c, hosts } = await client(notADir);
    const err = await c.start().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CoreOpenError);
    expect((err as Error).message).toBe(inProcess);
    // The client stops the host that failed, and later calls say why rather than wait.
    await vi.waitFor(() => expect(hosts[0]!.pid).toBeUndefined());
    expect((await failure(c.handle('app.info', {}, anyone))).message).toBe(`the core could not open: ${inProcess}`);
  });

  it('speaks the same protocol over Electron’s process.parentPort', async () => {
    const dataDir = tempDir('ew-host-');
    const { client: c } = await client(dataDir, { execArgv: [...TSX, ...PARENT_PORT] });
    expect(await c.start()).toEqual({ demoLoaded: false });
    expect(await c.handle('app.info', {}, anyone)).toMatchObject({ shell: 'electron', dataDir });
    expect(await failure(c.handle('nope.nothing', {}, anyone))).toEqual({ code: 'not_found', message: 'unknown method nope.nothing' });
  });
});

describe('when the host dies', () => {
  it('fails the calls it was running at once, starts a new host, and later calls reach it', async () => {
    const onRestart = vi.fn();
    const { client: c, hosts } = await client(tempDir('ew-host-'), { onRestart });
    await c.start();
    const pid = hosts[0]!.pid!;
    // Stopped first, so the calls are certainly still waiting when it is killed.
    process.kill(pid, 'SIGSTOP');
    const waiting = [c.handle('app.info', {}, anyone), c.handle('queue.counts', {}, anyone)];
    process.kill(pid, 'SIGKILL');
    for (const call of waiting)
      expect(await failure(call)).toEqual({ code: 'internal', message: 'the core process stopped (killed by a signal) before answering; try again' });
    expect(onRestart).toHaveBeenCalledWith(null);
    expect(await c.handle('app.info', {}, anyone)).toMatchObject({ shell: 'electron' });
    expect(hosts).toHaveLength(2);
  });

  it('gives up after too many deaths in a row, and every later call says so', async () => {
    const onStopped = vi.fn();
    const { client: c, hosts } = await client(tempDir('ew-host-'), { maxRestarts: 1, onStopped });
    await c.start();
    hosts[0]!.kill();
    await vi.waitFor(() => expect(hosts).toHaveLength(2));
    expect(await c.handle('queue.counts', {}, anyone)).toBeTruthy();
    hosts[1]!.kill();
    await vi.waitFor(() => expect(onStopped).toHaveBeenCalledOnce());
    const reason = 'the core process stopped 2 times within 60 seconds; restart the app';
    expect(onStopped).toHaveBeenCalledWith(reason);
    expect(await failure(c.handle('app.info', {}, anyone))).toEqual({ code: 'internal', message: reason });
    expect(hosts).toHaveLength(2);
  });

  it('stops, and says why, when a new host cannot reopen the data directory', async () => {
    const onStopped = vi.fn();
    const dataDir = tempDir('ew-host-');
    const { client: c, hosts } = await client(dataDir, { onStopped });
    await c.start();
    const pid = hosts[0]!.pid!;
    process.kill(pid, 'SIGSTOP');
    await breakTestDatabase(dataDir);
    process.kill(pid, 'SIGKILL');
    await vi.waitFor(() => expect(onStopped).toHaveBeenCalledOnce(), { timeout: 20_000 });
    const [reason] = onStopped.mock.calls[0] as [string];
    expect(reason).toMatch(/^the core could not open: \S/);
    expect(reason).not.toContain('\n');
    expect(await failure(c.handle('app.info', {}, anyone))).toEqual({ code: 'internal', message: reason });
  });
});

describe('a malformed request', () => {
  it('is refused by the host with a bad_request reply, and the host goes on answering', async () => {
    const host = nodeHost(HOST, TSX);
    const replies: unknown[] = [];
    const started = new Promise<void>((resolve) =>
      host.onMessage((m) => {
        replies.push(m);
        if ((m as { type: string }).type === 'started') resolve();
      }),
    );
    const exited = new Promise<void>((resolve) => host.onExit(() => resolve()));
    await started;
    host.postMessage({ type: 'open', options: await hostOptions(tempDir('ew-host-')) });
    host.postMessage({ type: 'call', id: 7, method: 42, input: {} } as never);
    host.postMessage({ type: 'call', id: 8, method: 'app.info', input: {}, caller: anyone });
    await vi.waitFor(() => expect(replies).toHaveLength(4));
    expect(replies).toEqual([
      { type: 'started' },
      { type: 'reply', id: 7, ok: false, error: { code: 'bad_request', message: 'the core host refused a malformed request' } },
      { type: 'ready', demoLoaded: false },
      { type: 'reply', id: 8, ok: true, value: expect.objectContaining({ shell: 'electron' }) },
    ]);
    host.postMessage({ type: 'close' });
    await exited;
  });
});

describe('closing', () => {
  it('lets running calls finish, then the host closes the database and exits', async () => {
    const dataDir = tempDir('ew-host-');
    const { client: c, hosts } = await client(dataDir);
    await c.start();
    const pid = hosts[0]!.pid!;
    const running = c.handle('queue.list', {}, anyone);
    await c.close();
    expect(await running).toMatchObject({ total: 0 });
    expect(alive(pid)).toBe(false);
    expect(await failure(c.handle('app.info', {}, anyone))).toEqual({ code: 'internal', message: 'the core is closing' });
    // Closed cleanly: SQLite folded its write-ahead log back into the database file.
    expect(fs.existsSync(path.join(dataDir, 'queue.sqlite-wal'))).toBe(false);
  });

  it('closes the database and exits when a Node parent dies without closing it', async () => {
    const dataDir = tempDir('ew-host-');
    const url = await testDatabaseUrl(dataDir);
    const parent = spawnSync(
      process.execPath,
      ['--import', 'tsx', path.resolve('tests/unit/electron/support/short-lived-parent.ts'), dataDir, ...(url ? [url] : [])],
      { encoding: 'utf8' },
    );
    const pid = Number(parent.stdout.trim());
    expect(pid).toBeGreaterThan(0);
    await vi.waitFor(() => expect(alive(pid)).toBe(false), { timeout: 10_000 });
    expect(fs.existsSync(path.join(dataDir, 'queue.sqlite-wal'))).toBe(false);
  });
});
