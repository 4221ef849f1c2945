import * as z from 'zod';
import { EnrichmentKinds } from '../model/enrichment.ts';
import type { AlertRecord, AuditRecord, MuteRecord, RerunLockRecord } from '../model/records.ts';
import type { ActiveSilence, SilenceRecord } from '../model/silence.ts';
import { lazy } from '../util/lazy.ts';

/**
 * What the store accepts back from DynamoDB. Records are kept as JSON strings (a bounded, flat attribute:
 * an SNS payload may nest deeper than DynamoDB's 32 levels) and validated here on every read, so a record
 * that is not what the code expects fails loudly at the store, not three calls later. Objects are loose:
 * fields the schema does not name pass through unchanged.
 */
const userRef = lazy(() => z.looseObject({ userId: z.string(), userName: z.string().optional() }));

const normalizedAlert = lazy(() =>
  z.looseObject({
    source: z.string(),
    key: z.string(),
    name: z.string(),
    title: z.string(),
    state: z.enum(['firing', 'recovered', 'insufficient', 'informational']),
    stateLabel: z.string(),
    severity: z.enum(['critical', 'high', 'medium', 'low', 'info']),
    occurredAt: z.string(),
    summary: z.string(),
    fields: z.array(z.looseObject({ label: z.string(), value: z.string() })),
    resolvableByEvent: z.boolean(),
  }),
);

const threadReply = lazy(() => z.looseObject({ kind: z.string() }));

const outboxEntry = lazy(() =>
  z.looseObject({
    seq: z.number().int(),
    createdAt: z.number(),
    notBefore: z.number().optional(),
    suspect: z.boolean().optional(),
    step: z.union([
      z.looseObject({ kind: z.enum(['post-root', 'update-root']) }),
      z.looseObject({ kind: z.literal('reply'), reply: threadReply() }),
      z.looseObject({ kind: z.literal('enrich'), enrichment: z.enum(EnrichmentKinds) }),
    ]),
  }),
);

const alertRecord = lazy(() =>
  z.looseObject({
    alertId: z.string(),
    alertKey: z.string(),
    status: z.enum(['open', 'resolved']),
    alert: normalizedAlert(),
    episode: z.number(),
    channel: z.string(),
    mentions: z.array(z.string()),
    ts: z.string().optional(),
    firstFiredAt: z.string(),
    lastFiredAt: z.string(),
    timesFired: z.number(),
    lastStateLabel: z.string(),
    rootRefreshedAt: z.number(),
    mutedCount: z.number(),
    reruns: z.array(z.looseObject({ jobName: z.string(), jobRunId: z.string(), at: z.string() })),
    outbox: z.array(outboxEntry()).default([]),
    outboxSeq: z.number().default(0),
    slackBudget: z.object({ windowStart: z.number(), used: z.number() }).optional(),
    channelRefusal: z
      .object({ code: z.string(), attempts: z.number(), gaveUpAt: z.number().optional() })
      .optional(),
    escalation: z
      .looseObject({
        levels: z.array(z.looseObject({ afterMinutes: z.number(), mentions: z.array(z.string()) })),
        since: z.string(),
        sent: z.number().int(),
        dueAt: z.string().optional(),
      })
      .optional(),
    reopenedAt: z.string().optional(),
    latestNote: z.looseObject({ userId: z.string(), at: z.string(), text: z.string() }).optional(),
    noteCount: z.number().int().optional(),
  }),
);

const muteRecord = lazy(() =>
  z.looseObject({
    alertId: z.string(),
    alertKey: z.string(),
    until: z.string().optional(),
    reason: z.string().optional(),
    by: userRef(),
    at: z.string(),
    channel: z.string(),
    title: z.string(),
  }),
);

const auditRecord = lazy(() =>
  z.looseObject({
    id: z.string(),
    at: z.string(),
    actor: userRef(),
    action: z.string(),
    alertId: z.string().optional(),
    params: z.record(z.string(), z.unknown()),
    result: z.enum(['ok', 'refused', 'failed']),
    detail: z.string().optional(),
  }),
);

const rerunLockRecord = lazy(() =>
  z.looseObject({
    jobName: z.string(),
    jobRunId: z.string(),
    by: userRef(),
    at: z.string(),
    newJobRunId: z.string().optional(),
  }),
);

const oneOrMany = lazy(() => z.union([z.string(), z.array(z.string())]).optional());
const alertMatchers = lazy(() =>
  z.looseObject({
    source: oneOrMany(),
    account: oneOrMany(),
    region: oneOrMany(),
    name: z.string().optional(),
    severity: oneOrMany(),
  }),
);

const silenceRecord = lazy(() =>
  z.looseObject({
    silenceId: z.string(),
    kind: z.enum(['silence', 'window']),
    matchers: alertMatchers(),
    startsAt: z.string(),
    endsAt: z.string(),
    reason: z.string(),
    by: userRef().optional(),
    channel: z.string(),
    status: z.enum(['active', 'ended']),
    endedAt: z.string().optional(),
    endedBy: userRef().optional(),
    summaryPending: z.boolean().optional(),
  }),
);

const activeSilences = lazy(() =>
  z.array(
    z.looseObject({
      silenceId: z.string(),
      matchers: alertMatchers(),
      endsAt: z.string(),
      reason: z.string(),
    }),
  ),
);

/** The attributes of the items the notification path reads without toolbox (alert-store.ts). */
const storedRecord = lazy(() => z.union([z.string(), z.record(z.string(), z.unknown())]));
const alertStateItem = lazy(() =>
  z.object({
    version: z.number(),
    record: storedRecord(),
    drainOwner: z.string().optional(),
    drainUntil: z.number().optional(),
  }),
);
const recordItem = lazy(() => z.object({ record: storedRecord() }));

export class StoredRecordError extends Error {
  override name = 'StoredRecordError';
}

/** Records written before they were kept as strings are maps: both read the same. */
function readWith<T>(schema: () => z.ZodType, what: string) {
  return (stored: unknown): T => {
    const value = typeof stored === 'string' ? JSON.parse(stored) : stored;
    const parsed = schema().safeParse(value);
    if (!parsed.success) {
      throw new StoredRecordError(`stored ${what} is not valid: ${z.prettifyError(parsed.error)}`);
    }
    return parsed.data as T;
  };
}

export const readAlertRecord = readWith<Omit<AlertRecord, 'version'>>(alertRecord, 'alert');
export const readMuteRecord = readWith<MuteRecord>(muteRecord, 'mute');
export const readAuditRecord = readWith<AuditRecord>(auditRecord, 'audit record');
export const readRerunLockRecord = readWith<RerunLockRecord>(rerunLockRecord, 'rerun lock');

// An item read without toolbox is an object already: readWith only validates it.
export const readAlertStateItem = readWith<{
  version: number;
  record: unknown;
  drainOwner?: string;
  drainUntil?: number;
}>(alertStateItem, 'alert state item');
export const readRecordItem = readWith<{ record: unknown }>(recordItem, 'item');

/** DynamoDB has no `undefined`; JSON drops it, which keeps optional fields optional on the way back. */
export function writeRecord(record: unknown): string {
  return JSON.stringify(record);
}
export const readSilenceRecord = readWith<SilenceRecord>(silenceRecord, 'silence');
export const readActiveSilences = readWith<ActiveSilence[]>(activeSilences, 'silence index');
