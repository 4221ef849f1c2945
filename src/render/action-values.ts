import * as z from 'zod';
import { lazy } from '../util/lazy.ts';

/** Stable action_ids: listeners register on these, and messages already in Slack keep sending them. */
export const AlertActionIds = {
  acknowledge: 'klaxon_ack',
  unacknowledge: 'klaxon_unack',
  mute: 'klaxon_mute',
  unmute: 'klaxon_unmute',
  rerunGlueJob: 'klaxon_rerun_glue',
  resolve: 'klaxon_resolve',
  reopen: 'klaxon_reopen',
  details: 'klaxon_details',
  addNote: 'klaxon_note',
} as const;
export type AlertActionId = (typeof AlertActionIds)[keyof typeof AlertActionIds];

/**
 * URL buttons: Slack opens the link and still sends the click, which no listener handles: the request
 * guard acknowledges it at once (see src/bot/listeners/handled-requests.ts).
 */
export const AlertLinkIds = {
  console: 'klaxon_link_console',
  logs: 'klaxon_link_logs',
  runbook: 'klaxon_link_runbook',
} as const;

/** The Mute menu. `durationMs` undefined: "until resolved" mutes open-ended, "custom" asks in a modal. */
export const MuteChoices = {
  '1h': { label: '1 hour', durationMs: 3_600_000 },
  '4h': { label: '4 hours', durationMs: 4 * 3_600_000 },
  '24h': { label: '24 hours', durationMs: 24 * 3_600_000 },
  resolved: { label: 'Until resolved', durationMs: undefined },
  custom: { label: 'Custom…', durationMs: undefined },
} as const;
export type MuteChoice = keyof typeof MuteChoices;
const muteChoiceKeys = Object.keys(MuteChoices) as [MuteChoice, ...MuteChoice[]];

export class ActionValueError extends Error {
  override name = 'ActionValueError';
}

export type ActionValueResult<T> = { ok: true; value: T } | { ok: false; error: ActionValueError };

/** alertIdOf() yields 22 base64url characters; allow some slack for ids made elsewhere (tests, tools). */
const alertIdSchema = lazy(() => z.string().regex(/^[A-Za-z0-9_-]{1,64}$/));
/** Glue allows 1–255 characters for job names and run ids. */
const glueNameSchema = lazy(() => z.string().min(1).max(255));

const muteValueSchema = lazy(() =>
  z
    .string()
    .transform((value) => value.split('|'))
    .pipe(z.tuple([z.enum(muteChoiceKeys), alertIdSchema()]))
    .transform(([choice, alertId]) => ({ choice, alertId })),
);

/**
 * A conversation id (C…, G…, D…), or a configured channel name (`#alerts`) on an alert whose root is not
 * posted yet: Slack names are at most 80 lower-case letters, digits, hyphens, underscores and periods.
 */
const channelSchema = lazy(() => z.string().regex(/^#?[A-Za-z0-9._-]{1,80}$/));
const modalTargetSchema = lazy(() =>
  z
    .string()
    .transform((value) => value.split('|'))
    .pipe(z.union([z.tuple([alertIdSchema()]), z.tuple([alertIdSchema(), channelSchema()])]))
    .transform(([alertId, channel]): ModalTarget => (channel ? { alertId, channel } : { alertId })),
);

const rerunValueSchema = lazy(() =>
  z
    .string()
    .transform((value, context) => {
      try {
        return JSON.parse(value) as unknown;
      } catch {
        context.addIssue({ code: 'custom', message: 'not JSON' });
        return z.NEVER;
      }
    })
    .pipe(z.strictObject({ a: alertIdSchema(), j: glueNameSchema(), r: glueNameSchema().optional() }))
    .transform(
      ({ a, j, r }): RerunActionValue => ({ alertId: a, jobName: j, ...(r ? { jobRunId: r } : {}) }),
    ),
);

export interface RerunActionValue {
  alertId: string;
  jobName: string;
  /** The failed run to start again; absent for an alarm mapped to a job (its latest failed run is meant). */
  jobRunId?: string;
}

export interface MuteActionValue {
  choice: MuteChoice;
  alertId: string;
}

/** Value of Acknowledge, Unacknowledge, Unmute, Resolve and Reopen: the alert id alone. */
export function encodeAlertIdValue(alertId: string): string {
  return alertId;
}

export function parseAlertIdValue(value: string): ActionValueResult<string> {
  return toResult(alertIdSchema().safeParse(value), 'alert id');
}

/** What a modal about an alert carries in its private_metadata: the alert, and where its opener clicked. */
export interface ModalTarget {
  alertId: string;
  /** Where answers meant for the person alone go (absent in modals opened before it was carried). */
  channel?: string;
}

/** `<alertId>` or `<alertId>|<channel id>`: the channel saves reading the alert again to answer the person. */
export function encodeModalTarget(target: ModalTarget): string {
  return target.channel ? `${target.alertId}|${target.channel}` : target.alertId;
}

export function parseModalTarget(value: string): ActionValueResult<ModalTarget> {
  return toResult(modalTargetSchema().safeParse(value), 'modal target');
}

/** Value of a Mute menu option: `<choice>|<alertId>`, short enough for the 150-character option limit. */
export function encodeMuteOptionValue(choice: MuteChoice, alertId: string): string {
  return `${choice}|${alertId}`;
}

export function parseMuteOptionValue(value: string): ActionValueResult<MuteActionValue> {
  return toResult(muteValueSchema().safeParse(value), 'mute option');
}

/** Value of the Rerun button: compact JSON, because a Glue job name may contain any character. */
export function encodeRerunValue(value: RerunActionValue): string {
  return JSON.stringify({
    a: value.alertId,
    j: value.jobName,
    ...(value.jobRunId ? { r: value.jobRunId } : {}),
  });
}

export function parseRerunValue(value: string): ActionValueResult<RerunActionValue> {
  return toResult(rerunValueSchema().safeParse(value), 'rerun value');
}

function toResult<T>(parsed: z.ZodSafeParseResult<T>, what: string): ActionValueResult<T> {
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, error: new ActionValueError(`Invalid ${what}: ${z.prettifyError(parsed.error)}`) };
}
