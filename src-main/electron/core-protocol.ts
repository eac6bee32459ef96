/**
 * The messages between the main process and the core host (core-host.ts), which runs the core in an Electron utility
 * process (or a Node child process in tests and benches). Both sides parse what they receive with these schemas, so a
 * message of another shape is refused in words instead of crashing either process.
 *
 *   host → main   started (its listener is in place), ready | failed (the answer to open), reply (by id)
 *   main → host   open (once, after started), call, evidence, close (the host finishes what is running and exits)
 *
 * `started` exists for the Node child: a message that reaches it before its ES module has added its listener is lost
 * (nodejs/node#41134). A utility process queues them, and the handshake costs it nothing.
 *
 * The options travel in the open message rather than on the command line: a database URL can carry a password, and
 * a process's arguments are visible to every user of the machine.
 */
import { z } from 'zod';
import { ApiErrorBodySchema } from '../../src-shared/contracts/errors';

export const HostOptionsSchema = z
  .object({
    dataDir: z.string().min(1),
    /** better_sqlite3.node built for Electron's ABI, which the utility process shares with the main process. */
    nativeBinding: z.string().optional(),
    /** Forwarded to openServices as is; without it the core uses <dataDir>/queue.sqlite. */
    databaseUrl: z.string().optional(),
    /** Import the bundled demo when the database has never been used. */
    loadDemo: z.boolean(),
  })
  .strict();
export type HostOptions = z.infer<typeof HostOptionsSchema>;

const CallerSchema = z.object({ actor: z.string().nullable() }).strict();

export const ToHostSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('open'), options: HostOptionsSchema }).strict(),
  z.object({ type: z.literal('call'), id: z.number().int(), method: z.string(), input: z.unknown(), caller: CallerSchema }).strict(),
  /** The evidence protocol's question: what to answer for this blob and Range header (the main process streams the file). */
  z.object({ type: z.literal('evidence'), id: z.number().int(), sha256: z.string(), range: z.string().optional() }).strict(),
  z.object({ type: z.literal('close') }).strict(),
]);
export type ToHost = z.infer<typeof ToHostSchema>;

export const FromHostSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('started') }).strict(),
  z.object({ type: z.literal('ready'), demoLoaded: z.boolean() }).strict(),
  /** The data directory or database could not be opened: the one-line reason the window shows. */
  z.object({ type: z.literal('failed'), message: z.string() }).strict(),
  z.discriminatedUnion('ok', [
    z.object({ type: z.literal('reply'), id: z.number().int(), ok: z.literal(true), value: z.unknown() }).strict(),
    z.object({ type: z.literal('reply'), id: z.number().int(), ok: z.literal(false), error: ApiErrorBodySchema }).strict(),
  ]),
]);
export type FromHost = z.infer<typeof FromHostSchema>;
