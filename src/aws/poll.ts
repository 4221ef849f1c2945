/** Time as the AWS query clients see it; injected so tests never wait for real. */
export interface Clock {
  now(): number;
  /** Resolves after `ms`, or early when `signal` aborts (the caller re-checks its deadline). */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise((resolve) => {
      if (signal?.aborted) return resolve();
      const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal?.addEventListener('abort', done, { once: true });
    }),
};

export interface PollOptions<T> {
  check: () => Promise<T>;
  isDone: (value: T) => boolean;
  clock: Clock;
  /** Epoch milliseconds after which we give up (Slack's response_url dies 30 minutes after the command). */
  deadline: number;
  signal?: AbortSignal;
  intervalMs?: number;
  maxIntervalMs?: number;
  onProgress?: (value: T, elapsedMs: number) => void | Promise<void>;
}

export type PollOutcome<T> =
  | { kind: 'done'; value: T; elapsedMs: number }
  | { kind: 'cut-off'; reason: 'deadline' | 'aborted'; last: T | undefined; elapsedMs: number };

/** Why polling must stop now, if it must. */
export function findStopReason(clock: Clock, deadline: number, signal?: AbortSignal) {
  if (signal?.aborted) return 'aborted' as const;
  if (clock.now() >= deadline) return 'deadline' as const;
  return undefined;
}

/**
 * Calls `check` until `isDone`, sleeping between calls with a gentle backoff (1 s growing to 5 s):
 * short queries answer quickly, long ones do not burn API calls.
 */
export async function pollUntil<T>(options: PollOptions<T>): Promise<PollOutcome<T>> {
  const { clock, deadline, signal } = options;
  const started = clock.now();
  let interval = options.intervalMs ?? 1000;
  let last: T | undefined;
  for (;;) {
    const stop = findStopReason(clock, deadline, signal);
    if (stop) return { kind: 'cut-off', reason: stop, last, elapsedMs: clock.now() - started };
    last = await options.check();
    const elapsedMs = clock.now() - started;
    if (options.isDone(last)) return { kind: 'done', value: last, elapsedMs };
    await options.onProgress?.(last, elapsedMs);
    await clock.sleep(Math.max(0, Math.min(interval, deadline - clock.now())), signal);
    interval = Math.min(Math.round(interval * 1.5), options.maxIntervalMs ?? 5000);
  }
}
