import { routeAlert } from '../config/route-alert.ts';
import { alertIdOf, type NormalizedAlert } from '../model/alert.ts';
import type { AlertRecord, MuteRecord, NotificationRecord } from '../model/records.ts';
import type { SnsMessage } from '../sns/sns-message.ts';
import { type Decision, decideAlertActions } from './lifecycle/decide-alert-actions.ts';
import { executeSlackSteps } from './lifecycle/execute-slack-steps.ts';
import { parserInputOf, parseSnsNotification } from './parsers/index.ts';
import type { SnsContext, SnsDeliveryResult } from './sns-context.ts';

const maxDecisionAttempts = 8;

/**
 * A verified notification: deduplicated on MessageId, decided against the alert's stored state, recorded
 * with its Slack steps in one transaction, then the steps are executed. A failure leaves the steps pending
 * and answers 503, so SNS's redelivery finishes exactly what is left.
 */
export async function processNotification(ctx: SnsContext, message: SnsMessage): Promise<SnsDeliveryResult> {
  const known = await ctx.alerts.getNotification(message.MessageId);
  if (known) return resumeNotification(ctx, known);
  const alert = enrichAlert(ctx, parseSnsNotification(parserInputOf(message)));
  const base = { messageId: message.MessageId, alertId: alertIdOf(alert.key), source: alert.source };
  for (let attempt = 0; attempt < maxDecisionAttempts; attempt++) {
    const committed = await decideAndCommit(ctx, message, alert);
    if (committed === 'notification-exists')
      return resumeNotification(ctx, (await ctx.alerts.getNotification(message.MessageId))!);
    if (committed === 'alert-changed') continue;
    const { next, refreshRootLater } = committed.decision;
    if (refreshRootLater && next) {
      ctx.scheduleRootRefresh(
        base.alertId,
        next.rootRefreshedAt + ctx.config.lifecycle.rootRefreshSeconds * 1000,
      );
    }
    const executed = await runSteps(ctx, committed.notification, {
      record: committed.decision.next,
      mute: committed.mute,
    });
    return {
      ...base,
      ...executed,
      outcome: executed.status < 300 ? committed.decision.outcome : executed.outcome,
    };
  }
  return { ...base, status: 503, outcome: 'contention', detail: 'alert changed under us too many times' };
}

async function decideAndCommit(ctx: SnsContext, message: SnsMessage, alert: NormalizedAlert) {
  const alertId = alertIdOf(alert.key);
  const { record, mute } = await ctx.alerts.loadAlert(alertId);
  const now = ctx.now();
  const decision = decideAlertActions({
    stored: record,
    mute,
    alert,
    route: routeAlert(alert, ctx.config),
    messageId: message.MessageId,
    now,
    settings: {
      reopenWindowMs: ctx.config.lifecycle.reopenWindowMinutes * 60_000,
      rootRefreshIntervalMs: ctx.config.lifecycle.rootRefreshSeconds * 1000,
    },
  });
  const notification = notificationRecordOf(message, alertId, decision, now, ctx.leaseMs);
  const result = await ctx.alerts.commitNotification({
    notification,
    next: decision.next,
    expectedVersion: record?.version ?? 0,
    event: {
      alertId,
      at: now.toISOString(),
      messageId: message.MessageId,
      summary: eventSummaryOf(alert, decision),
    },
    endMute: decision.endMute,
    dedupeTtlSeconds: ctx.config.lifecycle.dedupeDays * 86_400,
  });
  return result === 'committed'
    ? { decision, notification, mute: decision.endMute ? undefined : mute }
    : result;
}

export async function resumeNotification(
  ctx: SnsContext,
  known: NotificationRecord,
): Promise<SnsDeliveryResult> {
  const base = { messageId: known.messageId, alertId: known.alertId };
  if (known.status === 'done') return { ...base, status: 200, outcome: 'duplicate' };
  const claimed = await ctx.alerts.claimNotificationLease(known.messageId, ctx.now().getTime(), ctx.leaseMs);
  if (!claimed)
    return { ...base, status: 503, outcome: 'in-progress', detail: 'another delivery is posting it' };
  const executed = await runSteps(ctx, known);
  return { ...base, ...executed, outcome: executed.status < 300 ? 'resumed' : executed.outcome };
}

async function runSteps(
  ctx: SnsContext,
  notification: NotificationRecord,
  committed?: { record?: AlertRecord; mute?: MuteRecord },
) {
  if (notification.status === 'done') return { status: 200, outcome: 'done' };
  try {
    const deps = { alerts: ctx.alerts, slack: ctx.slack, now: ctx.now, rootWaitMs: ctx.rootWaitMs };
    await executeSlackSteps(deps, notification, committed);
    return { status: 200, outcome: 'posted' };
  } catch (error) {
    await ctx.alerts.releaseNotificationLease(notification.messageId).catch(() => undefined);
    return { status: 503, outcome: 'slack-failed', detail: describeError(error) };
  }
}

function notificationRecordOf(
  message: SnsMessage,
  alertId: string,
  decision: Decision,
  now: Date,
  leaseMs: number,
): NotificationRecord {
  const hasSteps = decision.steps.length > 0;
  return {
    messageId: message.MessageId,
    alertId,
    topicArn: message.TopicArn,
    receivedAt: now.toISOString(),
    status: hasSteps ? 'pending' : 'done',
    steps: decision.steps,
    stepsDone: 0,
    leaseUntil: hasSteps ? now.getTime() + leaseMs : 0,
    outcome: decision.outcome,
  };
}

const maxStoredRawChars = 64_000;

/**
 * Adds the route's runbook and the Glue job the configuration maps an alarm to (the renderer is pure and
 * never reads the configuration), and caps the raw payload kept with the alert: DynamoDB items stop at
 * 400 KB and an SNS message may be 256 KB, while the rendered message only ever shows the parsed fields.
 */
function enrichAlert(ctx: SnsContext, alert: NormalizedAlert): NormalizedAlert {
  const route = routeAlert(alert, ctx.config);
  const runbookUrl = alert.runbookUrl ?? route.runbookUrl;
  const rawText = typeof alert.raw === 'string' ? alert.raw : JSON.stringify(alert.raw);
  const raw =
    rawText.length > maxStoredRawChars ? { truncated: true, preview: rawText.slice(0, 2000) } : alert.raw;
  const glueJob = mappedGlueJobOf(ctx, alert);
  return { ...alert, raw, ...(runbookUrl ? { runbookUrl } : {}), ...(glueJob ? { glueJob } : {}) };
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
    const code =
      (error as { code?: string; data?: { error?: string } }).data?.error ??
      (error as { code?: string }).code;
    return code ? `${error.name}: ${code}` : `${error.name}: ${error.message}`;
  }
  return String(error);
}
