import path from 'node:path';

/**
 * Writers of one SQLite file in this process, one at a time. better-sqlite3 waits for a lock synchronously: a second
 * connection of the same process that asked for the write lock while another one's transaction is open (awaiting
 * between its statements) would block the thread that transaction needs to finish, until busy_timeout fails it.
 * So connections to the same file queue here first, without blocking; other processes are still ridden out by
 * busy_timeout, which blocks only this thread while theirs go on.
 */
export class WriteGate {
  private tail: Promise<void> = Promise.resolve();

  async run<T>(work: () => Promise<T> | T): Promise<T> {
    let release!: () => void;
    const previous = this.tail;
    this.tail = new Promise<void>((resolve) => (release = resolve));
    try {
      await previous;
      return await work();
    } finally {
      release();
    }
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
