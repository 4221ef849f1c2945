import type { SandboxSnapshot } from '../sandbox-state.ts';

/** The sandbox time, and how far it is ahead of real time. */
export interface PageClock {
  now: string;
  offsetMs: number;
}

export interface PageState extends SandboxSnapshot {
  samples: Array<{ id: string; label: string }>;
  clock?: PageClock;
}

/** What a sandbox endpoint answered: the forwarded request's status and body, or the sandbox's own error. */
export interface ApiAnswer {
  ok: boolean;
  status: number;
  body: unknown;
}

export async function fetchState(): Promise<PageState> {
  const response = await fetch('/sandbox/api/state', { cache: 'no-store' });
  return (await response.json()) as PageState;
}

export async function postJson(path: string, body: unknown): Promise<ApiAnswer> {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const answer = (await response.json().catch(() => ({}))) as {
    status?: number;
    body?: unknown;
    error?: string;
  };
  if (!response.ok) return { ok: false, status: response.status, body: answer.error ?? answer };
  const status = answer.status ?? response.status;
  return { ok: status < 400, status, body: answer.body };
}
