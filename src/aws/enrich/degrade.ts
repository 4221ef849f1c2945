import type { EnrichmentResult } from '../../model/enrichment.ts';
import { errorName } from '../aws-errors.ts';

/**
 * Why a lookup gave up, in the few words its quiet thread line shows: the AWS error's name
 * (AccessDeniedException, ThrottlingException…), or "timed out" when its time budget aborted it.
 */
export function reasonOf(error: unknown, signal: AbortSignal): string {
  if (signal.aborted) return 'timed out';
  return errorName(error) ?? 'error';
}

export function unavailable(what: string, error: unknown, signal: AbortSignal): EnrichmentResult {
  return { kind: 'unavailable', what, reason: reasonOf(error, signal) };
}

/**
 * Runs `call` (a `client.send` given the lookup's signal as its `abortSignal`), and stops waiting when the signal
 * aborts even if the request does not: the SDK honours `abortSignal` in its HTTP handler only, not while it
 * backs off between retries.
 */
export function withinBudget<Output>(
  signal: AbortSignal,
  call: (abortSignal: AbortSignal) => Promise<Output>,
): Promise<Output> {
  if (signal.aborted) return Promise.reject(abortError());
  return new Promise<Output>((resolve, reject) => {
    const onAbort = () => reject(abortError());
    signal.addEventListener('abort', onAbort, { once: true });
    call(signal).then(
      (output) => {
        signal.removeEventListener('abort', onAbort);
        resolve(output);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

function abortError(): Error {
  const error = new Error('The lookup ran out of time.');
  error.name = 'AbortError';
  return error;
}
