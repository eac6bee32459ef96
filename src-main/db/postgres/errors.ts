/**
 * PostgreSQL's errors in words, at the adapter's boundary: what went wrong and where, on one line. The driver's own
 * error stays attached as `cause` for whoever debugs it; its text never reaches a user.
 */
export type DatabaseErrorKind =
  | 'unique'
  | 'foreign_key'
  | 'not_null'
  | 'check'
  /** Refused by one of the schema's own triggers (e.g. the audit log's append-only guards): its message is ours. */
  | 'refused'
  /** Another transaction got in the way (deadlock, serialization failure): trying again can succeed. */
  | 'conflict'
  | 'unreachable'
  | 'authentication'
  | 'no_database'
  | 'query';

export class DatabaseError extends Error {
  constructor(
    readonly kind: DatabaseErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DatabaseError';
  }
}

interface DriverError {
  code?: string;
  message?: string;
  table?: string;
  column?: string;
  constraint?: string;
  errno?: number;
  syscall?: string;
}

/** Where the server is, as people name it in messages: `host:port` and, once connected, the database. */
export interface ServerName {
  host: string;
  port: number;
  database: string;
  user: string;
}

const at = (server: ServerName) => `PostgreSQL at ${server.host}:${server.port}`;

function where(e: DriverError): string {
  const parts = [e.table && `table ${e.table}`, e.column && `column ${e.column}`, e.constraint && `rule ${e.constraint}`].filter(Boolean);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

function connectionError(e: DriverError, server: ServerName): DatabaseError | null {
  const kind = (k: DatabaseErrorKind, text: string) => new DatabaseError(k, text, { cause: e });
  switch (e.code) {
    case 'ECONNREFUSED':
      return kind('unreachable', `cannot reach ${at(server)}: the connection was refused (is the server running, and on that port?)`);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return kind('unreachable', `cannot reach PostgreSQL at ${server.host}: no such host`);
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return kind('unreachable', `cannot reach ${at(server)}: the connection timed out`);
    case 'ECONNRESET':
    case 'EPIPE':
    case '57P01':
    case '57P02':
    case '57P03':
      return kind('unreachable', `${at(server)} closed the connection (it may be restarting or shutting down)`);
    case '28P01':
    case '28000':
      return kind(
        'authentication',
        `${at(server)} refused the login of user "${server.user}": wrong password, or the user may not connect to database "${server.database}"`,
      );
    case '3D000':
      return kind('no_database', `${at(server)} has no database "${server.database}": create it first (createdb ${server.database})`);
    case '53300':
      return kind('unreachable', `${at(server)} refused the connection: too many clients are connected`);
    case '42501':
      return kind(
        'authentication',
        `user "${server.user}" lacks a permission it needs on database "${server.database}" at ${server.host}:${server.port}${where(e)}`,
      );
    default:
      break;
  }
  if (/timeout exceeded when trying to connect|Connection terminated/i.test(e.message ?? '')) {
    return kind('unreachable', `cannot reach ${at(server)}: no answer in time`);
  }
  return null;
}

/** The error `err` (thrown by the driver while talking to `server`) in words; errors that are already ours pass through. */
export function inWords(err: unknown, server: ServerName): Error {
  if (err instanceof DatabaseError || !(err instanceof Error)) return err instanceof Error ? err : new Error(String(err));
  const e = err as DriverError & Error;
  if (typeof e.code !== 'string') return err; // not the driver's: a bug or a refusal of our own code
  const connection = connectionError(e, server);
  if (connection) return connection;
  const kind = (k: DatabaseErrorKind, text: string) => new DatabaseError(k, text, { cause: err });
  switch (e.code) {
    case '23505':
      return kind('unique', `the database already holds a row with the same key${where(e)}`);
    case '23503':
      return kind('foreign_key', `the change would leave a reference to a row that does not exist${where(e)}`);
    case '23502':
      return kind('not_null', `a required value is missing${where(e)}`);
    case '23514':
      return kind('check', `a value is not allowed there${where(e)}`);
    case 'P0001':
      // Raised by our own triggers with our own words (e.g. "audit log is append-only").
      return kind('refused', e.message);
    case '40001':
    case '40P01':
      return kind('conflict', 'another transaction changed the same rows at the same time; the change was not made, try again');
    case '55P03':
      return kind('conflict', 'the rows are locked by another transaction; the change was not made, try again');
    case '25P02':
      // SQLite carries on after a failed statement; PostgreSQL refuses the rest of the transaction.
      return kind(
        'query',
        'an earlier statement of this transaction failed, so PostgreSQL refuses the rest of it: run a statement that may fail in a nested transaction',
      );
    case '57014':
      return kind('query', `${at(server)} cancelled a query (it took too long)`);
    default:
      // Class 22, data exceptions: text SQLite keeps but PostgreSQL cannot (a NUL character), a number out of range.
      if (e.code.startsWith('22')) return kind('query', `a value does not fit its column in PostgreSQL${where(e)} (SQLSTATE ${e.code})`);
      return kind('query', `${at(server)} could not run a query of this app (SQLSTATE ${e.code})${where(e)}`);
  }
}
