import { ApiError, type ApiErrorBody } from '../../src-shared/contracts/errors';

const INTERNAL = new ApiError('internal', 'internal error');

/**
 * What crosses a process boundary when a call fails, on both hops (core host → main, main → renderer). The core turns
 * every failure it knows into an ApiError (core/api.ts toApiError); anything else becomes a bare `internal` body, so no
 * raw message (a driver error, a file path) ever leaves the process it happened in. Kept free of the core's imports:
 * the main process loads this file and must not load the services with it.
 */
export const errorBody = (err: unknown): ApiErrorBody => (err instanceof ApiError ? err : INTERNAL).toBody();
