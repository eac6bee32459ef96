import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { shellBanner } from '../../../src-main/server/banner';
import { tempDir } from '../../support/fixtures';
import { onTestDatabase } from '../../support/dialect';

/*
 * `npm start` on a machine where Electron cannot start: the build is quiet (one line unless it fails), and the
 * browser shell's last lines are the reason for the fallback and then the URL, where a person looks.
 */

const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** The parts of scripts/serve.mjs under test (a plain .mjs: imported at run time, typed here). */
interface Serve {
  runCaptured(command: string, args: string[]): Promise<{ code: number; output: string }>;
  quietBuild(what: string, command: string, args: string[]): Promise<number>;
}

let serve: Serve;
beforeAll(async () => {
  serve = (await import(/* @vite-ignore */ pathToFileURL(path.join(projectRoot, 'scripts', 'serve.mjs')).href)) as Serve;
});
afterEach(() => vi.restoreAllMocks());

/** Everything a function writes to the console and stderr, in order. */
function captureConsole(): string[] {
  const lines: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void lines.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void lines.push(a.join(' ')));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(...String(chunk).trimEnd().split('\n'));
    return true;
  });
  return lines;
}

const noisyBuild = (exitCode: number) => [
  '-e',
  `for (let i = 0; i < 185; i++) console.log('out/renderer/assets/chunk-' + i + '.js  1.00 kB'); console.error('warning: big chunk'); process.exit(${exitCode})`,
];

describe('the quiet build', () => {
  it('captures stdout and stderr and the exit code of a command', async () => {
    const r = await serve.runCaptured(process.execPath, noisyBuild(3));
    expect(r.code).toBe(3);
    expect(r.output.split('\n').filter(Boolean)).toHaveLength(186);
    expect(r.output).toContain('warning: big chunk');
  });

  it('prints one line before and one after a build that succeeds, none of its output', async () => {
    const lines = captureConsole();
    expect(await serve.quietBuild('the app', process.execPath, noisyBuild(0))).toBe(0);
    expect(lines).toEqual(['Building the app…', expect.stringMatching(/^Built the app in \d+\.\d s\.$/)]);
  });

  it('prints everything a failing build said, then why it stopped, last', async () => {
    const lines = captureConsole();
    expect(await serve.quietBuild('the app', process.execPath, noisyBuild(2))).toBe(2);
    expect(lines).toHaveLength(1 + 186 + 1);
    expect(lines.at(-1)).toMatch(/^The build of the app failed \(.* exit code 2\); its output is above\.$/);
  });
});

describe('the browser shell banner', () => {
  it('ends with the URL, with the fallback reason right above it', () => {
    const lines = shellBanner({ dataDir: '/d', url: 'http://127.0.0.1:5/?token=t', fallbackReason: 'the Electron binary is not available.' });
    expect(lines.at(-1)).toBe('Open: http://127.0.0.1:5/?token=t');
    expect(lines.at(-3)).toBe('The desktop window could not start: the Electron binary is not available.');
    expect(lines[0]).toBe('Evidence Workbench (browser shell) — data: /d');
  });

  it('is the data folder and the URL when the shell was started on purpose', () => {
    expect(shellBanner({ dataDir: '/d', url: 'http://x/' })).toEqual(['Evidence Workbench (browser shell) — data: /d', 'Open: http://x/']);
  });

  it('is what the real shell prints last when npm start falls back to it', async () => {
    const child = spawn(process.execPath, await onTestDatabase(['--import', 'tsx', 'src-main/server/main.ts', '--data', tempDir('ew-banner-'), '--no-demo']), {
      cwd: projectRoot,
      env: { ...process.env, EVIDENCE_WORKBENCH_FALLBACK: 'the Electron binary is not available on this machine.' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const out = await new Promise<string>((resolve, reject) => {
        let text = '';
        child.stdout.on('data', (d) => {
          text += d;
          if (/Open: \S+\n/.test(text)) resolve(text);
        });
        child.stderr.on('data', (d) => (text += d));
        child.once('exit', (code) => reject(new Error(`the shell exited ${code}:\n${text}`)));
      });
      const lines = out.trimEnd().split('\n');
      expect(lines.at(-1)).toMatch(/^Open: http:\/\/127\.0\.0\.1:\d+\/\?token=\S+$/);
      expect(lines.at(-3)).toBe('The desktop window could not start: the Electron binary is not available on this machine.');
    } finally {
      child.kill('SIGTERM');
    }
  }, 30_000);
});
