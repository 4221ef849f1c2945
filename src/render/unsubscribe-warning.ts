import { escapeMrkdwn } from './mrkdwn.ts';
import type { SlackMessage } from './slack-message.ts';

/** The warning posted when SNS confirms that Klaxon's subscription to a topic was removed. */
export function renderUnsubscribeWarning(topicArn: string): SlackMessage {
  const text =
    `:warning: Klaxon was unsubscribed from ${topicArn}; notifications from it stop. ` +
    'Re-subscribe it (redeploy the stack, or `aws sns subscribe --topic-arn <topic> --protocol https ' +
    '--notification-endpoint <Klaxon URL>/sns`), or remove it from the allowed topics if that was intended.';
  return {
    text,
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: escapeMrkdwn(text) } }],
  };
}
