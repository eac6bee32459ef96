import path from 'node:path';

/**
 * Writers of one SQLite file in this process, one at a time. better-sqlite3 waits for a lock synchronously: a second
 * connection of the same process that asked for the write lock while another one's transaction is open (awaiting
 * between its statements) would block the thread that transaction needs to finish, until busy_timeout fails it.
 * So connections to the same file queue here first, without blocking, for at most their busy_timeout (then they
 * fail as SQLite would, SQLITE_BUSY); other processes are still ridden out by busy_timeout, which blocks only this
 * thread while theirs go on.
 */
export class WriteGate {
  private held = false;
  private readonly waiting: (() => void)[] = [];

  async run<T>(work: () => Promise<T> | T, timeoutMs: number): Promise<T> {
    await this.acquire(timeoutMs);
    try {
      return await work();
    } finally {
      this.release();
    }
  }

  private acquire(timeoutMs: number): Promise<void> {
    if (!this.held) {
      this.held = true;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const grant = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiting.splice(this.waiting.indexOf(grant), 1);
        reject(Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' }));
      }, timeoutMs);
      this.waiting.push(grant);
    });
  }

  /** Hands the gate to the next waiter, in the order they came, or leaves it open. */
  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.held = false;
  }
}

const gates = new Map<string, WriteGate>();

/** The gate of the file a connection has open (`Database#name`); an in-memory or temporary database has its own. */
export function writeGateFor(file: string): WriteGate {
  if (file === '' || file === ':memory:') return new WriteGate();
  const key = path.resolve(file);
  let gate = gates.get(key);
  if (!gate) gates.set(key, (gate = new WriteGate()));
  return gate;
}
