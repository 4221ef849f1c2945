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
  /** Writes the channels now (every change is written as it happens; the server's stop calls it too). */
  flush(): void;
}

/**
 * Keeps the local stand-in for Slack in a file next to the alert state, so that a restarted sandbox still
 * has the messages its alerts point at (an update of a message the stand-in forgot fails as Slack would).
 * Each change is written before the stand-in answers the call that made it, atomically (a temporary file
 * renamed over the old one): once Klaxon has heard that a message exists, a `kill -9` cannot lose it, as
 * it cannot lose a message in Slack. A sandbox holds few enough messages for a whole write per change.
 */
export function persistFakeSlack(
  api: FakeSlackApi,
  path: string,
  options: { warn?: (text: string) => void } = {},
): FakeSlackPersistence {
  const restored = restoreFrom(api, path, options.warn ?? (() => undefined));
  const flush = () => writeAtomically(path, JSON.stringify(api.snapshot()));
  // The chat methods emit these before they answer, so the write lands first.
  for (const event of changeEvents) api.events.on(event, flush);
  return { restored, flush };
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
