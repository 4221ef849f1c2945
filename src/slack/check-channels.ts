import { slackErrorCodeOf } from './slack-errors.ts';

/** A channel the configuration names, and where it names it (for the message). */
export interface ConfiguredChannel {
  channel: string;
  where: string;
}

export interface ConversationsInfoClient {
  conversations: {
    info(args: { channel: string }): Promise<{
      channel?: { name?: string; is_private?: boolean; is_member?: boolean; is_archived?: boolean };
    }>;
  };
}

export class ChannelCheckError extends Error {
  override name = 'ChannelCheckError';
}

/**
 * Asks Slack about each configured channel id at start-up, so that a channel Klaxon cannot post to fails now
 * with a sentence, not at the first alert. A `#name` was checked for syntax when the configuration loaded
 * (looking names up needs `conversations.list` over the whole workspace). A public channel needs no
 * membership (`chat:write.public`); a private one does. An answer that is no verdict (Slack down, rate
 * limited) is returned as a warning: Klaxon starts, and the first post will say what is wrong.
 */
export async function checkConfiguredChannels(
  client: ConversationsInfoClient,
  channels: ConfiguredChannel[],
): Promise<{ warnings: string[] }> {
  const problems: string[] = [];
  const warnings: string[] = [];
  const ids = channels.filter(({ channel }) => !channel.startsWith('#'));
  for (const { channel, where } of dedupe(ids)) {
    const verdict = await askAbout(client, channel);
    const sentence = describeVerdict(verdict, channel, where);
    if (!sentence) continue;
    if (verdict.kind === 'unknown') warnings.push(sentence);
    else problems.push(sentence);
  }
  if (problems.length > 0) {
    throw new ChannelCheckError(
      `Klaxon cannot post to configured channels:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
  }
  return { warnings };
}

type Verdict =
  | { kind: 'ok' }
  | { kind: 'not-found' }
  | { kind: 'archived'; name: string }
  | { kind: 'not-member'; name: string }
  | { kind: 'unknown'; reason: string };

async function askAbout(client: ConversationsInfoClient, channel: string): Promise<Verdict> {
  try {
    const info = (await client.conversations.info({ channel })).channel ?? {};
    const name = info.name ?? channel;
    if (info.is_archived) return { kind: 'archived', name };
    if (info.is_private && info.is_member === false) return { kind: 'not-member', name };
    return { kind: 'ok' };
  } catch (error) {
    const code = slackErrorCodeOf(error);
    if (code === 'channel_not_found') return { kind: 'not-found' };
    return { kind: 'unknown', reason: code ?? (error as Error).message };
  }
}

export function describeVerdict(verdict: Verdict, channel: string, where: string): string | undefined {
  switch (verdict.kind) {
    case 'ok':
      return undefined;
    case 'not-found':
      return `${where}: channel ${channel} was not found. Check the id; if the channel is private, invite the bot first (/invite @klaxon in the channel).`;
    case 'archived':
      return `${where}: channel #${verdict.name} (${channel}) is archived.`;
    case 'not-member':
      return `${where}: the bot is not in the private channel #${verdict.name} (${channel}): run /invite @klaxon in it.`;
    case 'unknown':
      return `${where}: could not check channel ${channel} (${verdict.reason}); it is checked again at the first post.`;
  }
}

function dedupe(channels: ConfiguredChannel[]): ConfiguredChannel[] {
  const seen = new Map<string, ConfiguredChannel>();
  for (const entry of channels) if (!seen.has(entry.channel)) seen.set(entry.channel, entry);
  return [...seen.values()];
}
