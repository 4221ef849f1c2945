import { readFileSync } from 'node:fs';
import { parseSnsNotification } from '../core/parsers/index.ts';
import { alertIdOf } from '../model/alert.ts';
import { renderAlertMessage } from '../render/alert-message.ts';

export class RenderInputError extends Error {
  override name = 'RenderInputError';
}

/**
 * `klaxon render FILE`: the Block Kit Klaxon would post for a new alert from FILE, which may hold an SNS
 * envelope (HTTPS or Lambda record form), an SNS message body (CloudWatch alarm JSON, any text) or an
 * EventBridge event.
 */
export function renderFile(path: string): string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new RenderInputError(
      `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
  if (text.trim() === '') throw new RenderInputError(`${path} is empty`);
  const alert = parseSnsNotification(toNotificationInput(text));
  const at = new Date().toISOString();
  const message = renderAlertMessage({
    alertId: alertIdOf(alert.key),
    alert,
    status: alert.state === 'recovered' ? 'resolved' : 'open',
    firstFiredAt: at,
    lastFiredAt: at,
    timesFired: 1,
    mentions: [],
    reruns: [],
  });
  return JSON.stringify(message, null, 2);
}

function toNotificationInput(text: string) {
  const envelope = readEnvelope(text);
  return {
    messageId: envelope?.MessageId ?? 'render',
    topicArn: envelope?.TopicArn ?? 'arn:aws:sns:us-east-1:000000000000:render',
    message: envelope?.Message ?? text,
    timestamp: envelope?.Timestamp ?? new Date().toISOString(),
    ...(envelope?.Subject ? { subject: envelope.Subject } : {}),
  };
}

interface EnvelopeFields {
  MessageId?: string;
  TopicArn?: string;
  Message?: string;
  Timestamp?: string;
  Subject?: string;
}

function readEnvelope(text: string): EnvelopeFields | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const record = (json as { Records?: Array<{ Sns?: EnvelopeFields }> }).Records?.[0]?.Sns;
  const candidate = (record ?? json) as EnvelopeFields & { Type?: string };
  return typeof candidate?.Message === 'string' && candidate.Type ? candidate : undefined;
}
