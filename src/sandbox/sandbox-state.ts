import type { FakeSlackApi, StoredMessage } from './fake-slack-api.ts';
import type { SandboxActor } from './sandbox-payloads.ts';

/** Channels and people the local workspace knows by name (local-slack.ts configures the fake with them). */
export interface SandboxWorkspace {
  channels: Record<string, { name: string }>;
  users: Record<string, { name: string; real_name: string }>;
}

export interface SandboxChannel {
  id: string;
  name: string;
  messages: StoredMessage[];
}

/** Everything the page draws: channels with their messages, the user's ephemerals and their Home tab. */
export interface SandboxSnapshot {
  user: { id: string; name: string };
  users: Record<string, string>;
  channels: SandboxChannel[];
  ephemerals: ReturnType<FakeSlackApi['ephemerals']>;
  home?: Record<string, unknown>;
}

export interface SandboxState {
  channelName(channel: string): string;
  snapshot(): SandboxSnapshot;
}

/** Slack accepts a `#name` where it wants a channel id; such a channel is shown under that name. */
export function nameChannel(channel: string, workspace: SandboxWorkspace): string {
  return (
    workspace.channels[channel]?.name ?? (channel.startsWith('#') ? channel.slice(1) : channel.toLowerCase())
  );
}

/**
 * The channels to list: every channel Klaxon posted to, plus the workspace's configured channels unless a
 * channel posted to by `#name` already stands for them.
 */
export function listChannelIds(posted: Iterable<string>, workspace: SandboxWorkspace): string[] {
  const ids = [...posted];
  const names = new Set(ids.map((id) => nameChannel(id, workspace)));
  for (const id of Object.keys(workspace.channels)) {
    if (!ids.includes(id) && !names.has(nameChannel(id, workspace))) ids.push(id);
  }
  return ids;
}

export function createSandboxState(
  api: FakeSlackApi,
  workspace: SandboxWorkspace,
  actor: SandboxActor,
): SandboxState {
  // Channels restored from the last run, and those Klaxon posts to from now on (ephemerals leave no message).
  const posted = new Set<string>(api.channels());
  api.events.on('message-posted', (message: StoredMessage) => posted.add(message.channel));
  api.events.on('ephemeral', (message: { channel: string }) => {
    if (message.channel) posted.add(message.channel);
  });
  const channelName = (channel: string) => nameChannel(channel, workspace);
  return {
    channelName,
    snapshot: () => ({
      user: { id: actor.userId, name: actor.userName },
      users: describeUsers(workspace, actor),
      channels: listChannelIds(posted, workspace).map((id) => ({
        id,
        name: channelName(id),
        messages: api.messages(id),
      })),
      ephemerals: api.ephemerals().filter((message) => message.user === actor.userId),
      home: api.views().find((view) => view.user_id === actor.userId)?.view,
    }),
  };
}

function describeUsers(workspace: SandboxWorkspace, actor: SandboxActor): Record<string, string> {
  const names: Record<string, string> = { [actor.botUserId]: 'klaxon' };
  for (const [id, user] of Object.entries(workspace.users)) names[id] = user.name;
  return names;
}
