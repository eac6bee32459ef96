import { ApiError, ApiErrorBodySchema } from './errors';
import type { Input, Method, Output } from './index';

/** How a request reaches the core: IPC in Electron, HTTP in the browser shell. Nothing else differs. */
export interface Transport {
  call(method: Method, input: unknown, actor: string | null): Promise<unknown>;
  evidenceUrl(sha256: string): string;
}

export interface ApiClient {
  call<M extends Method>(method: M, input: Input<M>): Promise<Output<M>>;
  evidenceUrl(sha256: string): string;
  setActor(actor: string | null): void;
  readonly actor: string | null;
}

export function createApiClient(transport: Transport): ApiClient {
  let actor: string | null = null;
  return {
    async call(method, input) {
      return (await transport.call(method, input, actor)) as never;
    },
    evidenceUrl: (sha256) => transport.evidenceUrl(sha256),
    setActor(next) {
      actor = next;
    },
    get actor() {
      return actor;
    },
  };
}

/** Turns an error body from either transport back into the ApiError the core threw. */
export function toApiError(body: unknown): ApiError {
  const parsed = ApiErrorBodySchema.safeParse(body);
  if (parsed.success) return new ApiError(parsed.data.code, parsed.data.message, parsed.data.issues, parsed.data.conflicts);
  return new ApiError('internal', 'unexpected error response');
}
