import { existsSync, renameSync } from 'node:fs';
import * as z from 'zod';
import { readJsonOrUndefined, writeAtomically } from '../util/json-file.ts';
import type { FakeSlackApi } from './fake-slack-api.ts';
import type { FakeSlackSnapshot } from './fake-slack-types.ts';

const messageSchema = z.looseObject({ channel: z.string(), ts: z.string(), replies: z.array(z.unknown()) });
const snapshotSchema = z.object({
  version: z.literal(1),
  sequence: z.number().int().min(0),
  channels: z.record(z.string(), z.array(messageSchema)),
});

/** Every change that alters what a channel shows; views and ephemerals are not kept. */
const changeEvents = ['message-posted', 'message-updated', 'message-deleted'] as const;

export interface FakeSlackPersistence {
  /** How the stand-in started: with the messages kept from the last run, or empty. */
  restored: { channels: number; messages: number } | undefined;
  /** Writes a pending change now (the server's stop calls it, so nothing posted is lost). */
  flush(): void;
}

/**
 * Keeps the local stand-in for Slack in a file next to the alert state, so that a restarted sandbox still
 * has the messages its alerts point at (an update of a message the stand-in forgot fails as Slack would).
 * Writes are debounced and atomic: a temporary file renamed over the old one.
 */
export function persistFakeSlack(
  api: FakeSlackApi,
  path: string,
  options: { debounceMs?: number; warn?: (text: string) => void } = {},
): FakeSlackPersistence {
  const restored = restoreFrom(api, path, options.warn ?? (() => undefined));
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    writeAtomically(path, JSON.stringify(api.snapshot()));
  };
  const schedule = () => {
    if (timer) return;
    timer = setTimeout(flush, options.debounceMs ?? 250);
    timer.unref();
  };
  for (const event of changeEvents) api.events.on(event, schedule);
  return {
    restored,
    flush: () => {
      if (timer) flush();
    },
  };
}

function restoreFrom(api: FakeSlackApi, path: string, warn: (text: string) => void) {
  if (!existsSync(path)) return undefined;
  const parsed = snapshotSchema.safeParse(readJsonOrUndefined(path));
  if (!parsed.success) {
    // Kept aside, not deleted: the operator may want to look at it.
    renameSync(path, `${path}.unreadable`);
    warn(`${path} could not be read; the stand-in for Slack starts empty (the file is kept as .unreadable)`);
    return undefined;
  }
  const snapshot = parsed.data as unknown as FakeSlackSnapshot;
  api.restore(snapshot);
  const lists = Object.values(snapshot.channels);
  return { channels: lists.length, messages: lists.reduce((sum, list) => sum + list.length, 0) };
}
