import { ApiError, type ErrorCode } from '../../../../src-shared/contracts/errors';

/**
 * A bundle or results file that was refused as a whole, with every reason found. It is an ApiError so that the
 * CLI (exit 2) and, later, the API shells report it like any other refusal.
 */
export class RefusedError extends ApiError {
  constructor(
    what: string,
    readonly reasons: string[],
    code: ErrorCode = 'bad_request',
  ) {
    super(code, `${what} refused, nothing was imported (${reasons.length} problem${reasons.length === 1 ? '' : 's'})`, reasons);
  }
}
