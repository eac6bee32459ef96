/**
 * The desktop app's main thread while the core works: how long this process's event loop goes without running a 1 ms
 * timer (perf_hooks.monitorEventLoopDelay), the stall a window's input would wait out, when the same work runs
 *  - in-process: the core on this thread, as the desktop app ran it before the core had a process of its own;
 *  - in the core host: forked under Node (the file Electron's utility process runs), this process only relaying.
 * Two workloads: importing the bundled demo into fresh data directories (the import the app runs on first start), and
 * queue pages, searches and counts at 100,000 portfolios through the API.
 */
import fs from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createCore, type Core } from '../src-main/core/api';
import { loadDemoIfFresh, openServices } from '../src-main/core/services';
import { createCoreClient } from '../src-main/electron/core-client';
import { nodeHost } from '../src-main/electron/host-process';
import { tempDir } from '../tests/support/fixtures';
import { seedPortfolios } from './queue.bench';

const HOST = path.resolve('src-main/electron/core-host.ts');
const anyone = { actor: null };
const INFO = { name: 'Evidence Workbench', version: 'bench', shell: 'electron' } as const;
const dirs: string[] = [];
/** A fresh data directory, removed when the bench ends. */
const freshDir = () => {
  const dir = tempDir('ew-bench-uproc-');
  dirs.push(dir);
  return dir;
};

interface Stalls {
  p50: number;
  p99: number;
  max: number;
  seconds: number;
  /** CPU this process used meanwhile (all its threads): the work it did itself, whatever else the machine was doing. */
  cpuSeconds: number;
}

/** The gaps between ticks of a 1 ms timer while `work` runs, in ms (1 ms when the loop is free). */
async function stallsDuring(work: () => Promise<void>): Promise<Stalls> {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  await work();
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  // One more tick, so a stall that lasts until the work ends is counted too.
  await new Promise((resolve) => setTimeout(resolve, 2));
  histogram.disable();
  const ms = (ns: number) => ns / 1e6;
  return { p50: ms(histogram.percentile(50)), p99: ms(histogram.percentile(99)), max: ms(histogram.max), seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
}

function startHost(dataDir: string, loadDemo: boolean) {
  const client = createCoreClient({ spawn: () => nodeHost(HOST, ['--import', 'tsx']), host: { dataDir, loadDemo } });
  return { client, opened: client.start() };
}

const stallText = (s: Stalls) => `${s.p50.toFixed(1)} / ${s.p99.toFixed(1)} / ${s.max.toFixed(1)} ms`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(1)}×`;

function figures(label: string, inProcess: Stalls, host: Stalls): Record<string, string> {
  const f = (s: Stalls) => `${stallText(s)}; ${s.cpuSeconds.toFixed(2)} s CPU here in ${s.seconds.toFixed(1)} s`;
  return {
    [`core process: ${label}, in-process (p50 / p99 / max)`]: f(inProcess),
    [`core process: ${label}, core host (p50 / p99 / max)`]: f(host),
    [`core process: ${label}, in-process / host (p99, max, CPU)`]: [
      ratio(inProcess.p99, host.p99),
      ratio(inProcess.max, host.max),
      ratio(inProcess.cpuSeconds, host.cpuSeconds),
    ].join(', '),
  };
}

/** The same figures with nothing to do: what the machine's other load alone costs this event loop. */
async function idleFloor(): Promise<Record<string, string>> {
  const idle = await stallsDuring(() => new Promise((resolve) => setTimeout(resolve, 2000)));
  return { 'core process: idle floor, 2 s (p50 / p99 / max)': stallText(idle) };
}

async function demoImports(runs: number): Promise<Record<string, string>> {
  // The host first: the in-process run leaves this process a large heap whose collection would land in the other's figures.
  // Its figures include starting each host process, as the desktop app's first start does; here that start also
  // compiles the host's TypeScript (tsx), which a built app does not, so the host's wall time is the longer one.
  const host = await stallsDuring(async () => {
    for (let i = 0; i < runs; i++) {
      const { client, opened } = startHost(freshDir(), true);
      if (!(await opened).demoLoaded) throw new Error('the core host did not import the demo');
      await client.close();
    }
  });
  const inProcess = await stallsDuring(async () => {
    for (let i = 0; i < runs; i++) {
      const ctx = await openServices({ dataDir: freshDir() });
      await loadDemoIfFresh(ctx);
      await ctx.close();
    }
  });
  return { 'core process: demo imports': `${runs} × the bundled demo, each into a fresh data directory`, ...figures('demo import', inProcess, host) };
}

async function queueCalls(n: number, rounds: number): Promise<Record<string, string>> {
  const dir = freshDir();
  const seeded = await openServices({ dataDir: dir });
  await seedPortfolios(seeded, n);
  await seeded.close();
  const calls: [string, unknown][] = [
    ['queue.list', { search: 'Ngata', limit: 100 }],
    ['queue.list', { sort: 'candidate', offset: 50_000, limit: 100 }],
    ['queue.list', { district: 'Waikato', sort: 'submitted_at', dir: 'desc', limit: 100 }],
    ['queue.counts', {}],
  ];
  // One call per turn of the event loop, as the renderer's calls arrive over IPC.
  const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
  const run = (core: Pick<Core, 'handle'>) => async () => {
    for (let r = 0; r < rounds; r++)
      for (const [method, input] of calls) {
        await core.handle(method, input, anyone);
        await nextTurn();
      }
  };

  const { client, opened } = startHost(dir, false);
  await opened;
  const host = await stallsDuring(run(client));
  await client.close();
  const ctx = await openServices({ dataDir: dir });
  const inProcess = await stallsDuring(run(createCore(ctx, INFO)));
  await ctx.close();
  return {
    'core process: queue calls': `${rounds * calls.length} pages, searches and counts at ${n.toLocaleString('en')} portfolios`,
    ...figures('queue calls', inProcess, host),
  };
}

export async function benchCoreProcess(demoRuns = 3, portfolios = 100_000): Promise<Record<string, string>> {
  try {
    return { ...(await idleFloor()), ...(await demoImports(demoRuns)), ...(await queueCalls(portfolios, 25)) };
  } finally {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  }
}
