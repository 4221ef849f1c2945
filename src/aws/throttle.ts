import { errorName } from './aws-errors.ts';
import type { Clock } from './poll.ts';

/** Spaces requests that share a quota (CloudTrail LookupEvents: 2 per second per account and region). */
export interface RequestPacer {
  waitTurn(key: string): Promise<void>;
}

export function createRequestPacer(options: { clock: Clock; minIntervalMs: number }): RequestPacer {
  const nextSlot = new Map<string, number>();
  return {
    async waitTurn(key) {
      const now = options.clock.now();
      const at = Math.max(now, nextSlot.get(key) ?? 0);
      // Reserve the slot before sleeping so concurrent callers queue behind each other.
      nextSlot.set(key, at + options.minIntervalMs);
      if (at > now) await options.clock.sleep(at - now);
    },
  };
}

const throttlingNames = new Set([
  'ThrottlingException',
  'TooManyRequestsException',
  'ThrottledException',
  'RequestLimitExceeded',
  'Throttling',
]);

export function isThrottlingError(error: unknown): boolean {
  return throttlingNames.has(errorName(error) ?? '');
}

export interface RetryOptions {
  clock: Clock;
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  signal?: AbortSignal;
}

/**
 * Retries throttled calls with exponential backoff (1 s, 2 s, 4 s…). The SDK retries too, but only a
 * few times within milliseconds; a shared per-account quota needs longer pauses.
 */
export async function callWithThrottleRetry<T>(call: () => Promise<T>, options: RetryOptions): Promise<T> {
  const maxAttempts = options.maxAttempts ?? 5;
  const base = options.baseDelayMs ?? 1000;
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (!isThrottlingError(error) || attempt >= maxAttempts || options.signal?.aborted) throw error;
      const delay = Math.min(base * 2 ** (attempt - 1), options.maxDelayMs ?? 16_000);
      await options.clock.sleep(delay, options.signal);
    }
  }
}
