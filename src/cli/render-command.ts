import { readFileSync } from 'node:fs';
import type { KlaxonConfig } from '../config/config-schema.ts';
import { parseConfig } from '../config/load-config.ts';
import { routeAlert } from '../config/route-alert.ts';
import { parseSnsNotification } from '../core/parsers/index.ts';
import { alertIdOf } from '../model/alert.ts';
import { renderAlertMessage } from '../render/alert-message.ts';
import { renderBlocksAsPlainText } from '../render/plain-text.ts';
import { findSnsEnvelope } from '../sns/read-pasted-notification.ts';

export class RenderInputError extends Error {
  override name = 'RenderInputError';
}

export const renderFormats = ['json', 'text'] as const;
export type RenderFormat = (typeof renderFormats)[number];

export interface RenderOptions {
  format?: RenderFormat;
  /** Routes, mentions and runbooks to apply, as `klaxon start` would (defaults otherwise). */
  config?: KlaxonConfig;
}

export interface RenderOutput {
  output: string;
  /** Something the reader should know about the input, for stderr (the output is still printed). */
  note?: string;
}

/**
 * `klaxon render FILE`: the message Klaxon would post for a new alert from FILE, which may hold an SNS
 * envelope (HTTPS or Lambda record form), an SNS message body (CloudWatch alarm JSON, any text) or an
 * EventBridge event.
 */
export function renderFile(path: string, options: RenderOptions = {}): RenderOutput {
  const text = readInput(path);
  const json = parseJsonOrUndefined(text);
  if (json === null) {
    throw new RenderInputError(
      `${path} holds JSON null; expected an SNS envelope, an SNS message or an EventBridge event`,
    );
  }
  const alert = parseSnsNotification(toNotificationInput(text, json));
  const config = options.config ?? parseConfig({}, 'defaults');
  const route = routeAlert(alert, config);
  const runbookUrl = alert.runbookUrl ?? route.runbookUrl;
  const at = new Date().toISOString();
  const message = renderAlertMessage({
    alertId: alertIdOf(alert.key),
    alert: { ...alert, ...(runbookUrl ? { runbookUrl } : {}) },
    status: alert.state === 'recovered' ? 'resolved' : 'open',
    firstFiredAt: at,
    lastFiredAt: at,
    timesFired: 1,
    mentions: route.mentions,
    reruns: [],
  });
  const output =
    options.format === 'text'
      ? `Channel: ${route.channel}\n\n${renderBlocksAsPlainText(message)}`
      : JSON.stringify({ channel: route.channel, ...message }, null, 2);
  const note =
    json === undefined
      ? `${path} is not JSON: rendered as a plain-text SNS message, as Klaxon would post one`
      : undefined;
  return { output, ...(note ? { note } : {}) };
}

function readInput(path: string): string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new RenderInputError(`cannot read ${path}: ${describeReadError(error)}`);
  }
  if (text.trim() === '') throw new RenderInputError(`${path} is empty`);
  return text;
}

function describeReadError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES') return 'permission denied';
  return (error as Error).message;
}

function parseJsonOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function toNotificationInput(text: string, json: unknown) {
  const envelope = findSnsEnvelope(json);
  return {
    messageId: envelope?.MessageId ?? 'render',
    topicArn: envelope?.TopicArn ?? 'arn:aws:sns:us-east-1:000000000000:render',
    message: envelope?.Message ?? text,
    timestamp: envelope?.Timestamp ?? new Date().toISOString(),
    ...(envelope?.Subject ? { subject: envelope.Subject } : {}),
  };
}
