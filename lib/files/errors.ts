/**
 * Failures inside the readers travel as one error type so `extractText` can turn any of them
 * into the `{ ok: false, reason }` result without guessing from messages.
 */
export type FailReason = 'too-large' | 'unsupported' | 'unreadable' | 'encrypted';

export class ExtractError extends Error {
  constructor(
    readonly reason: FailReason,
    message: string,
  ) {
    super(message);
    this.name = 'ExtractError';
  }
}

/**
 * How many decompressed bytes one file may still produce. Shared by every zip entry and PDF
 * stream of a file, so a bomb spread over many small entries is caught as surely as one big one.
 */
export interface Budget {
  remaining: number;
}

export function spend(budget: Budget, bytes: number, what: string): void {
  budget.remaining -= bytes;
  if (budget.remaining < 0) {
    throw new ExtractError('too-large', `${what} expands beyond the decompression limit`);
  }
}
