import { isTopicAllowed } from '../../config/topic-allow-list.ts';
import { renderUnsubscribeWarning } from '../../render/unsubscribe-warning.ts';
import { isSnsServiceUrl } from '../../sns/signing-cert-url.ts';
import { parseSnsMessage, type SnsMessage } from '../../sns/sns-message.ts';
import { checkSnsSignatureFields, verifySnsMessage } from '../../sns/verify-sns-message.ts';
import { describeError, processNotification } from './process-notification.ts';
import type { SnsContext, SnsDeliveryResult } from './sns-context.ts';

/**
 * The SNS webhook's core, shared by the HTTP server and the Lambda handlers: parse, check what needs no
 * network (topic, age, signature fields), verify the signature, then act by message type. Refusals are 4xx (final: SNS will not retry them); anything transient is 5xx so
 * SNS redelivers. Nothing is written and nothing is posted before the signature has been verified.
 */
export async function handleSnsDelivery(ctx: SnsContext, body: string): Promise<SnsDeliveryResult> {
  const parsed = parseSnsMessage(body);
  if (!parsed.ok) return { status: 400, outcome: `refused:${parsed.reason}`, detail: parsed.detail };
  return handleSnsMessage(ctx, parsed.message);
}

export async function handleSnsMessage(ctx: SnsContext, message: SnsMessage): Promise<SnsDeliveryResult> {
  const ids = { messageId: message.MessageId, topicArn: message.TopicArn };
  const refusal = refuseWithoutNetwork(ctx, message);
  if (refusal) return { ...ids, ...refusal };
  const verified = await verifySnsMessage(message, ctx.fetchCertificate);
  if (!verified.ok) {
    const status = verified.transient ? 503 : 403;
    return { ...ids, status, outcome: `refused:${verified.reason}`, detail: verified.detail };
  }
  try {
    const result = await messageHandlers[message.Type](ctx, message);
    return { ...ids, ...result };
  } catch (error) {
    // Store or network trouble: transient by nature, so SNS must retry.
    ctx.logger.error({ err: error, ...ids }, 'SNS message processing failed');
    return { ...ids, status: 503, outcome: 'failed', detail: describeError(error) };
  }
}

const messageHandlers: Record<
  SnsMessage['Type'],
  (ctx: SnsContext, m: SnsMessage) => Promise<SnsDeliveryResult>
> = {
  Notification: processNotification,
  SubscriptionConfirmation: confirmSubscription,
  UnsubscribeConfirmation: recordUnsubscription,
};

async function confirmSubscription(ctx: SnsContext, message: SnsMessage): Promise<SnsDeliveryResult> {
  if (!message.SubscribeURL || !isSnsServiceUrl(message.SubscribeURL)) {
    return {
      status: 400,
      outcome: 'refused:bad-subscribe-url',
      detail: 'SubscribeURL is not an https SNS URL',
    };
  }
  const by = await ctx.confirmSubscription({
    topicArn: message.TopicArn,
    subscribeUrl: message.SubscribeURL,
    ...(message.Token ? { token: message.Token } : {}),
  });
  await recordTopicEvent(ctx, message, 'subscription-confirmed');
  return { status: 200, outcome: 'subscription-confirmed', ...(by ? { detail: `confirmed by ${by}` } : {}) };
}

/**
 * Someone removed Klaxon's subscription: alerts from the topic stop arriving. The outcome `unsubscribed` on the
 * request line is what the self-alarm counts; the Slack warning is best effort (Slack may be what is down).
 */
async function recordUnsubscription(ctx: SnsContext, message: SnsMessage): Promise<SnsDeliveryResult> {
  await recordTopicEvent(ctx, message, 'unsubscribed');
  const ids = { topicArn: message.TopicArn, messageId: message.MessageId };
  ctx.logger.warn(ids, 'Klaxon was unsubscribed from an SNS topic; re-subscribe it to get its alerts again');
  try {
    await ctx.outbox.slack.postMessage(ctx.config.defaultChannel, renderUnsubscribeWarning(message.TopicArn));
  } catch (error) {
    ctx.logger.error({ err: error, ...ids }, 'could not post the unsubscribe warning in Slack');
  }
  return { status: 200, outcome: 'unsubscribed' };
}

async function recordTopicEvent(ctx: SnsContext, message: SnsMessage, what: string) {
  const at = ctx.now().toISOString();
  await ctx.alerts.recordTopicEvent(message.TopicArn, at, { what, messageId: message.MessageId });
}

/**
 * Every check that needs no network, before the certificate fetch: a stranger's request (foreign topic,
 * replay, made-up certificate URL or signature) is refused without making Klaxon fetch anything.
 */
function refuseWithoutNetwork(ctx: SnsContext, message: SnsMessage): SnsDeliveryResult | undefined {
  if (!isTopicAllowed(message.TopicArn, ctx.config.sns.allowedTopicArns)) {
    return {
      status: 403,
      outcome: 'refused:topic-not-allowed',
      detail: 'topic is not in sns.allowedTopicArns',
    };
  }
  if (isTooOld(ctx, message)) {
    return {
      status: 400,
      outcome: 'refused:stale',
      detail: `Timestamp ${message.Timestamp} is older than allowed`,
    };
  }
  const checked = checkSnsSignatureFields(message);
  if (!checked.ok) return { status: 403, outcome: `refused:${checked.reason}`, detail: checked.detail };
  return undefined;
}

function isTooOld(ctx: SnsContext, message: SnsMessage): boolean {
  const sentAt = Date.parse(message.Timestamp);
  if (Number.isNaN(sentAt)) return true;
  return ctx.now().getTime() - sentAt > ctx.config.sns.maxMessageAgeHours * 3_600_000;
}
