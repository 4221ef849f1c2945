import { escapeMrkdwn } from './mrkdwn.ts';
import type { SlackMessage } from './slack-message.ts';

const problems: Record<string, { what: string; fix: string }> = {
  channel_not_found: {
    what: 'does not exist, or is private and Klaxon is not in it',
    fix: 'fix the route (defaultChannel or routes in the configuration), or invite Klaxon with `/invite @Klaxon`',
  },
  is_archived: {
    what: 'is archived',
    fix: 'unarchive it, or route these alerts to another channel',
  },
  not_in_channel: {
    what: 'does not have Klaxon as a member',
    fix: 'invite Klaxon with `/invite @Klaxon` in that channel',
  },
};

/** One sentence naming the channel, what Slack said and the fix: the log line and the operator notice. */
export function describeChannelRefusal(channel: string, code: string): string {
  const problem = problems[code] ?? { what: `was refused (${code})`, fix: 'check the channel and the route' };
  return `Slack channel ${channel} ${problem.what} (${code}); ${problem.fix}`;
}

/** The operator channel's notice that an alert could not be delivered to its channel. */
export function renderChannelRefusedNotice(input: {
  channel: string;
  code: string;
  alertTitle: string;
  attempts: number;
}): SlackMessage {
  const text =
    `:warning: Klaxon could not post the alert "${input.alertTitle}" after ${input.attempts} attempts: ` +
    `${describeChannelRefusal(input.channel, input.code)}. Alerts routed there are not delivered until then.`;
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: escapeMrkdwn(text) } }] };
}
