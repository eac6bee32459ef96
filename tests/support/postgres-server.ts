/**
 * Debian's PostgreSQL server programs (initdb + pg_ctl) driven for tests: a server in a temporary folder, on a free
 * port on 127.0.0.1 with its socket in that folder, run as the user `postgres` when the tests run as root (the server
 * refuses root), tuned for speed over durability. Missing binaries are an error naming the package to install.
 */
import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface PostgresServer {
  /** The superuser's URL of database `postgres` on the server. */
  adminUrl: string;
  host: string;
  port: number;
  password: string;
  dataDir: string;
  bin: string;
}

/** The folder of initdb and pg_ctl: $EW_POSTGRES_BIN, else Debian's PostgreSQL 15, else the newest Debian one. */
export function postgresBin(): string {
  const wanted = process.env.EW_POSTGRES_BIN ?? '/usr/lib/postgresql/15/bin';
  if (fs.existsSync(path.join(wanted, 'initdb'))) return wanted;
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root) ? fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb'))) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (newest) return path.join(root, newest, 'bin');
  throw new Error(
    `PostgreSQL's server programs are missing (no ${wanted}/initdb): install them with \`apt-get install -y postgresql\` — the PostgreSQL tests need a real server and do not skip`,
  );
}

const asRoot = () => process.getuid?.() === 0;

/** Runs a server program, as `postgres` when we are root. */
async function runServerProgram(bin: string, program: string, args: string[]): Promise<string> {
  const file = path.join(bin, program);
  const [cmd, argv] = asRoot() ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args];
  try {
    const { stdout } = await run(cmd, argv, { encoding: 'utf8' });
    return stdout;
  } catch (err) {
    const e = err as { stderr?: string; message: string };
    throw new Error(`${program} failed: ${(e.stderr || e.message).trim()}`);
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** initdb + pg_ctl start in `folder` (made and, as root, handed to `postgres`); fast and unsafe on crash, as tests want. */
export async function startPostgres(folder: string): Promise<PostgresServer> {
  const bin = postgresBin();
  fs.mkdirSync(folder, { recursive: true });
  const password = crypto.randomBytes(12).toString('hex');
  const pwfile = path.join(folder, 'pw');
  fs.writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  if (asRoot()) {
    fs.chmodSync(folder, 0o755);
    await run('chown', ['-R', 'postgres', folder]);
  }
  const dataDir = path.join(folder, 'data');
  await runServerProgram(bin, 'initdb', [
    '-D',
    dataDir,
    '-U',
    'postgres',
    `--pwfile=${pwfile}`,
    '--auth-local=trust',
    '--auth-host=scram-sha-256',
    '-E',
    'UTF8',
    '--locale=C.UTF-8',
    '--no-sync',
  ]);
  fs.rmSync(pwfile);
  const port = await freePort();
  const settings = [
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
    '-c max_connections=300',
    '-c listen_addresses=127.0.0.1',
    `-p ${port}`,
    `-k ${folder}`,
  ];
  await runServerProgram(bin, 'pg_ctl', ['-D', dataDir, '-w', '-t', '60', '-l', path.join(folder, 'server.log'), '-o', settings.join(' '), 'start']);
  const host = '127.0.0.1';
  return { adminUrl: `postgres://postgres:${password}@${host}:${port}/postgres`, host, port, password, dataDir, bin };
}

export async function stopPostgres(server: Pick<PostgresServer, 'bin' | 'dataDir'>): Promise<void> {
  await runServerProgram(server.bin, 'pg_ctl', ['-D', server.dataDir, '-m', 'immediate', '-w', 'stop']);
}

/** The URL of database `name` on `server`, as its superuser. */
export function databaseUrl(server: Pick<PostgresServer, 'host' | 'port' | 'password'>, name: string, password = server.password): string {
  return `postgres://postgres:${encodeURIComponent(password)}@${server.host}:${server.port}/${name}`;
}

/** A folder the run's state can go in (used by the globalSetup). */
export function newStateFolder(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ew-pg-'));
  fs.chmodSync(folder, 0o755); // the server, run as `postgres`, lives in a folder below it
  return folder;
}
