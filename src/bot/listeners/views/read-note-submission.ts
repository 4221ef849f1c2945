import type { ViewOutput } from '@slack/bolt';
import { noteMaxLength } from '../../../model/input-limits.ts';
import { parseModalTarget } from '../../../render/action-values.ts';
import { NoteModalIds } from '../../../render/note-modal.ts';

export type NoteSubmission =
  | { ok: true; alertId: string; channel?: string; text: string }
  | { ok: false; errors: Record<string, string> };

/** Reads and checks the note modal; errors are keyed by block id, as `response_action: errors` wants. */
export function readNoteSubmission(view: ViewOutput): NoteSubmission {
  const text = (view.state.values[NoteModalIds.noteBlock]?.[NoteModalIds.noteAction]?.value ?? '').trim();
  const target = parseModalTarget(view.private_metadata);
  const problem = !target.ok ? 'This form no longer matches an alert; close it.' : checkNote(text);
  if (problem || !target.ok) return { ok: false, errors: { [NoteModalIds.noteBlock]: problem ?? '' } };
  return { ok: true, ...target.value, text };
}

function checkNote(text: string): string | undefined {
  if (!text) return 'Write the note first.';
  // The modal's max_length binds honest clients only; a forged submission is held to the same limit.
  if (text.length > noteMaxLength) return `Keep it to ${noteMaxLength} characters (this is ${text.length}).`;
  return undefined;
}
