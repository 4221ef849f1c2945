import type { ViewOutput } from '@slack/bolt';
import { parseMuteDuration } from '../../../core/buttons/parse-mute-duration.ts';
import { muteDurationMaxLength, muteReasonMaxLength } from '../../../model/input-limits.ts';
import { parseModalTarget } from '../../../render/action-values.ts';
import { MuteModalIds } from '../../../render/mute-modal.ts';

export type MuteSubmission =
  | { ok: true; alertId: string; channel?: string; durationMs: number; reason: string }
  | { ok: false; errors: Record<string, string> };

/** Reads and checks the custom mute modal; errors are keyed by block id, as `response_action: errors` wants. */
export function readMuteSubmission(view: ViewOutput): MuteSubmission {
  const values = view.state.values;
  const durationText = values[MuteModalIds.durationBlock]?.[MuteModalIds.durationAction]?.value ?? '';
  const reason = (values[MuteModalIds.reasonBlock]?.[MuteModalIds.reasonAction]?.value ?? '').trim();
  const duration = parseMuteDuration(durationText);
  const target = parseModalTarget(view.private_metadata);
  const errors: Record<string, string> = {};
  if (!duration.ok) errors[MuteModalIds.durationBlock] = duration.message;
  // The modal's max_length binds honest clients only; a forged submission is held to the same limits.
  if (durationText.length > muteDurationMaxLength) {
    errors[MuteModalIds.durationBlock] = `At most ${muteDurationMaxLength} characters.`;
  }
  const reasonProblem = checkReason(reason);
  if (reasonProblem) errors[MuteModalIds.reasonBlock] = reasonProblem;
  if (!target.ok) errors[MuteModalIds.durationBlock] = 'This form no longer matches an alert; close it.';
  if (!duration.ok || !target.ok || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, ...target.value, durationMs: duration.durationMs, reason };
}

function checkReason(reason: string): string | undefined {
  if (!reason) return 'Say why, so the next person knows.';
  if (reason.length > muteReasonMaxLength) {
    return `Keep it to ${muteReasonMaxLength} characters (this is ${reason.length}).`;
  }
  return undefined;
}
