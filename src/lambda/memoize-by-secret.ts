import type { SlackSecret } from './load-slack-secret.ts';

interface Built<T> {
  secret: SlackSecret;
  runtime: Promise<T>;
  readAt: number;
}

/**
 * The runtime for the current Slack secret. Within the time-to-live nothing is read; after it the secret is
 * read again and the runtime rebuilt only if it changed. A failed first build is forgotten (the next
 * invocation tries again); a failed re-read keeps the runtime in use until the next time-to-live.
 */
export function memoizeBySecret<T>(options: {
  readSecret: () => Promise<SlackSecret>;
  create: (secret: SlackSecret) => Promise<T>;
  ttlMs: number;
  now: () => number;
  onReadError: (error: unknown) => void;
}): () => Promise<T> {
  let built: Built<T> | undefined;
  const build = (secret: SlackSecret, readAt: number): Built<T> => {
    const entry: Built<T> = { secret, readAt, runtime: options.create(secret) };
    entry.runtime.catch(() => {
      if (built === entry) built = undefined;
    });
    return entry;
  };
  return async () => {
    const now = options.now();
    if (!built) {
      built = build(await options.readSecret(), now);
    } else if (now - built.readAt >= options.ttlMs) {
      const current = built;
      current.readAt = now;
      try {
        const secret = await options.readSecret();
        if (!isSameSecret(secret, current.secret)) built = build(secret, now);
      } catch (error) {
        options.onReadError(error);
      }
    }
    return built.runtime;
  };
}

function isSameSecret(a: SlackSecret, b: SlackSecret): boolean {
  return a.botToken === b.botToken && a.signingSecret === b.signingSecret;
}
