import { randomUUID } from 'node:crypto';
import { routeAlert } from '../../config/route-alert.ts';
import { alertIdOf, type NormalizedAlert } from '../../model/alert.ts';
import type { SilenceHitWrite, SilenceInForce } from '../../model/silence.ts';
import { slackErrorCodeOf } from '../../slack/slack-errors.ts';
import type { SnsMessage } from '../../sns/sns-message.ts';
import type { AlertSnapshot } from '../../store/alert-store.ts';
import { addEnrichmentSteps } from '../enrich/plan-enrichments.ts';
import { type CommitOutcome, commitChange } from '../outbox/commit-change.ts';
import { drainAlert } from '../outbox/drain-alert.ts';
import type { DrainResult } from '../outbox/drain-outbox.ts';
import { dueEntries } from '../outbox/plan-outbox.ts';
import { parserInputOf, parseSnsNotification } from '../parsers/index.ts';
import { findAlertSilence } from '../silences/find-silence.ts';
import { type Decision, decideAlertActions } from './decide-notification.ts';
import type { SnsContext, SnsDeliveryResult } from './sns-context.ts';

/**
 * A verified notification: read with its dedupe record in one BatchGetItem, decided, committed with its
 * dedupe record, history event and Slack steps in one transaction, then the alert's outbox is run. A Slack
 * failure answers 503: the steps stay in the outbox, and a redelivery or the sweep finishes them.
 */
export async function processNotification(ctx: SnsContext, message: SnsMessage): Promise<SnsDeliveryResult> {
  const alert = enrichAlert(ctx, parseSnsNotification(parserInputOf(message)), message.Message);
  const alertId = alertIdOf(alert.key);
  const base = { messageId: message.MessageId, alertId, source: alert.source };
  const owner = `sns:${message.MessageId}:${randomUUID().slice(0, 8)}`;
  const now = ctx.clock.now();
  const outcome = await commitChange(ctx.outbox, {
    alertId,
    owner,
    delivery: {
      messageId: message.MessageId,
      receivedAt: new Date(now).toISOString(),
      expiresAt: Math.floor(now / 1000) + ctx.config.lifecycle.dedupeDays * 86_400,
    },
    decide: (snapshot, at) => decideWithEvent(ctx, alert, message, snapshot, at),
  });
  if (outcome.kind === 'duplicate') {
    // What the read already shows settles most redeliveries: nothing left to do costs no second call.
    const record = outcome.snapshot.record;
    if (!record || dueEntries(record, ctx.clock.now()).length === 0)
      return { ...base, status: 200, outcome: 'duplicate' };
    return { ...base, ...(await finishRedelivery(ctx, alertId, owner)) };
  }
  // A notification carries no replay claim: the other outcome left is contention, never `replayed`.
  if (outcome.kind !== 'committed') {
    return { ...base, status: 503, outcome: 'contention', detail: 'alert changed under us too many times' };
  }
  return { ...base, ...answerOf(outcome, outcome.drain) };
}

function decideWithEvent(
  ctx: SnsContext,
  alert: NormalizedAlert,
  message: SnsMessage,
  snapshot: AlertSnapshot,
  now: Date,
) {
  const silence = findAlertSilence(ctx.config, snapshot.silences, alert, now);
  const route = routeOf(ctx, alert);
  const decided = decideAlertActions({
    stored: snapshot.record,
    mute: snapshot.mute,
    ...(silence ? { silence } : {}),
    alert,
    route,
    messageId: message.MessageId,
    now,
    settings: {
      reopenWindowMs: ctx.config.lifecycle.reopenWindowMinutes * 60_000,
      rootRefreshIntervalMs: ctx.config.lifecycle.rootRefreshSeconds * 1000,
    },
  });
  const decision = addEnrichmentSteps(decided, alert, {
    available: ctx.enrichments ?? new Set(),
    switches: { ...ctx.config.enrichment.enabled, ...route.enrich },
  });
  const event = {
    at: now.toISOString(),
    messageId: message.MessageId,
    summary: eventSummaryOf(alert, decision),
  };
  const counted = silence && (decision.outcome === 'silenced' || alert.state === 'recovered');
  const held = counted ? { silenceHit: hitOf(silence, alert, now) } : {};
  return { ...decision, event, ...held };
}

/** A composite alarm held back by its ActionsSuppressor is shown, but wakes nobody. */
function routeOf(ctx: SnsContext, alert: NormalizedAlert) {
  const route = routeAlert(alert, ctx.config);
  return alert.actionsSuppressed ? { ...route, mentions: [] } : route;
}

/** What a silence's summary needs of one notification it saw: the alert and whether it still fires. */
function hitOf(silence: SilenceInForce, alert: NormalizedAlert, now: Date): SilenceHitWrite {
  return {
    silenceId: silence.silenceId,
    alertId: alertIdOf(alert.key),
    title: alert.title.slice(0, 200),
    lastStateLabel: alert.stateLabel,
    lastFiring: alert.state === 'firing' || alert.state === 'insufficient',
    lastAt: now.toISOString(),
    ...(silence.windowOpening ? { windowOpening: silence.windowOpening } : {}),
  };
}

function answerOf(outcome: Extract<CommitOutcome<Decision>, { kind: 'committed' }>, drain?: DrainResult) {
  if (drain?.outcome === 'slack-failed') {
    return { status: 503, outcome: 'slack-failed', detail: describeError(drain.error) };
  }
  return { status: 200, outcome: outcome.decided.outcome };
}

/**
 * A redelivery of a recorded notification: SNS retries until it hears 2xx, so finish what Slack still owes
 * the alert before saying so. Someone else draining it is as good: they finish it, or the sweep does.
 */
async function finishRedelivery(ctx: SnsContext, alertId: string, owner: string) {
  let drained = await drainAlert(ctx.outbox, alertId, owner);
  // A lease about to run out belongs to a drain that died (a live one renews it): wait it out and take
  // over, so the redelivery that follows a crash finishes the work instead of being turned away.
  const wait = drained.outcome === 'busy' && drained.until ? drained.until - ctx.clock.now() + 5 : undefined;
  if (wait !== undefined && wait <= maxLeaseWaitMs) {
    await ctx.clock.sleep(Math.max(0, wait));
    drained = await drainAlert(ctx.outbox, alertId, owner);
  }
  if (drained.outcome === 'slack-failed') {
    return {
      status: 503,
      outcome: 'slack-failed',
      detail: describeError('error' in drained ? drained.error : undefined),
    };
  }
  return { status: 200, outcome: drained.outcome === 'nothing-due' ? 'duplicate' : 'resumed' };
}

const maxStoredRawChars = 64_000;

/** SNS waits about 15 s for an answer. */
const maxLeaseWaitMs = 10_000;

/**
 * Adds the route's runbook and severity, and the Glue job the configuration maps an alarm to (the renderer is pure and
 * never reads the configuration), and keeps the payload as the text AWS sent, bounded: any JSON SNS can
 * carry (deeper than DynamoDB's 32 levels, up to 256 KB) is stored as a string, never as a nested document.
 */
function enrichAlert(ctx: SnsContext, alert: NormalizedAlert, messageText: string): NormalizedAlert {
  const route = routeAlert(alert, ctx.config);
  const runbookUrl = alert.runbookUrl ?? route.runbookUrl;
  const raw =
    messageText.length > maxStoredRawChars ? `${messageText.slice(0, maxStoredRawChars)}…` : messageText;
  const glueJob = mappedGlueJobOf(ctx, alert);
  return {
    ...alert,
    raw,
    ...(runbookUrl ? { runbookUrl } : {}),
    ...(glueJob ? { glueJob } : {}),
    ...(route.severity ? { severity: route.severity } : {}),
  };
}

/** Only a CloudWatch alarm may name a job: a generic alert's subject could otherwise borrow an alarm's name. */
function mappedGlueJobOf(ctx: SnsContext, alert: NormalizedAlert): { jobName: string } | undefined {
  if (alert.source !== 'cloudwatch-alarm') return undefined;
  const jobName = Object.hasOwn(ctx.config.glue.alarmJobs, alert.name)
    ? ctx.config.glue.alarmJobs[alert.name]
    : undefined;
  return jobName ? { jobName } : undefined;
}

function eventSummaryOf(alert: NormalizedAlert, decision: Decision) {
  return {
    source: alert.source,
    stateLabel: alert.stateLabel,
    severity: alert.severity,
    occurredAt: alert.occurredAt,
    summary: alert.summary.slice(0, 1000),
    occurrence: alert.occurrence,
    outcome: decision.outcome,
  };
}

export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = slackErrorCodeOf(error) ?? (error as { code?: string }).code;
    return code ? `${error.name}: ${code}` : `${error.name}: ${error.message}`;
  }
  return String(error);
}
