import type { z } from 'zod';
import type { Reviewer } from '../../../src-shared/contracts/reviewers';
import type { ServiceContext } from '../../services/context';

/** Who is asking: the reviewer profile the renderer has selected (null before one is chosen). */
export interface Caller {
  actor: string | null;
}

type Schemas = { input: z.ZodType; output: z.ZodType };

/** Handlers for one feature's contract: a missing or mistyped handler is a compile error. */
export type HandlersFor<C extends Record<string, Schemas>> = {
  [M in keyof C]: (input: z.output<C[M]['input']>, caller: Caller) => z.output<C[M]['output']> | Promise<z.output<C[M]['output']>>;
};

export interface HandlerDeps {
  ctx: ServiceContext;
  /** The caller's profile, or an `unauthorized` error. */
  actor(caller: Caller): Promise<Reviewer>;
}
