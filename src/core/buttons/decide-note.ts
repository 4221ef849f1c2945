import type { SlackUserRef } from '../../model/alert-view.ts';
import { noteMaxLength } from '../../model/input-limits.ts';
import { type AlertChange, bumpVersion, type LoadedAlert } from './alert-change.ts';

/** A note is posted in the thread and kept as the alert's latest; the thread keeps every one. */
export function decideNote(
  { record }: LoadedAlert,
  request: { by: SlackUserRef; text: string },
  now: Date,
): AlertChange | undefined {
  // Last line of defence: the modal path refuses a longer note; nothing stores more than it allows.
  const text = request.text.trim().slice(0, noteMaxLength);
  if (!text) return undefined;
  const at = now.toISOString();
  const next = bumpVersion(record, {
    latestNote: { ...request.by, at, text },
    noteCount: (record.noteCount ?? 0) + 1,
  });
  return { next, steps: [{ kind: 'reply', reply: { kind: 'note', by: request.by, at, text } }] };
}
