import type { SlashCommandFields } from './sign-slack-request.ts';

/** Who is clicking and typing in the sandbox, and the workspace and app Slack would name in payloads. */
export interface SandboxActor {
  userId: string;
  userName: string;
  teamId: string;
  teamDomain: string;
  apiAppId: string;
  botUserId: string;
}

export const defaultSandboxActor: SandboxActor = {
  userId: 'U0SANDBOX',
  userName: 'you',
  teamId: 'T0KLAXON1',
  teamDomain: 'klaxon-sandbox',
  apiAppId: 'A0KLAXON01',
  botUserId: 'U0KLAXONBOT',
};

// Slack still sends the deprecated verification token; Bolt checks the signature instead.
const verificationToken = 'sandbox-verification-token';

type Json = Record<string, unknown>;

/** Ids Slack makes per interaction; passed in so payloads are reproducible in tests. */
export interface InteractionIds {
  triggerId: string;
  actionTs: string;
}

export type ActionContainer =
  | { type: 'message'; channel: string; channelName: string; message: Json; isEphemeral: false }
  | { type: 'message'; channel: string; channelName: string; messageTs: string; isEphemeral: true }
  | { type: 'view'; view: Json };

export function describeUser(actor: SandboxActor): Json {
  return { id: actor.userId, username: actor.userName, name: actor.userName, team_id: actor.teamId };
}

/** One `actions[]` entry as Slack sends it for the element the user used, or undefined if not interactive. */
export function buildBlockAction(
  element: Json,
  blockId: string,
  selectedValue: string | undefined,
  actionTs: string,
): Json | undefined {
  const common = { type: element.type, action_id: element.action_id, block_id: blockId, action_ts: actionTs };
  if (element.type === 'button') {
    return { ...common, text: element.text, value: element.value, style: element.style };
  }
  if (element.type === 'static_select' || element.type === 'overflow' || element.type === 'radio_buttons') {
    const option = findOption(element, selectedValue);
    if (!option) return undefined;
    return { ...common, selected_option: option, placeholder: element.placeholder };
  }
  return undefined;
}

/** The option objects of a select, overflow or radio group, through option groups too. */
export function listOptions(element: Json): Json[] {
  const options = Array.isArray(element.options) ? (element.options as Json[]) : [];
  const groups = Array.isArray(element.option_groups) ? (element.option_groups as Json[]) : [];
  return [...options, ...groups.flatMap((group) => (Array.isArray(group.options) ? group.options : []))];
}

export function findOption(element: Json, value: string | undefined): Json | undefined {
  const option = listOptions(element).find((candidate) => candidate.value === value);
  return option ? { text: option.text, value: option.value } : undefined;
}

/** The `block_actions` payload Slack posts when a user clicks or picks something in a message or view. */
export function buildBlockActionsPayload(input: {
  actor: SandboxActor;
  container: ActionContainer;
  action: Json;
  ids: InteractionIds;
  responseUrl?: string;
}): Json {
  const { actor, container } = input;
  return {
    type: 'block_actions',
    user: describeUser(actor),
    api_app_id: actor.apiAppId,
    token: verificationToken,
    container: describeContainer(container),
    trigger_id: input.ids.triggerId,
    team: { id: actor.teamId, domain: actor.teamDomain },
    enterprise: null,
    is_enterprise_install: false,
    ...describeSource(container),
    ...(input.responseUrl ? { response_url: input.responseUrl } : {}),
    actions: [input.action],
  };
}

function describeContainer(container: ActionContainer): Json {
  if (container.type === 'view') return { type: 'view', view_id: container.view.id };
  const messageTs = container.isEphemeral ? container.messageTs : container.message.ts;
  return {
    type: 'message',
    message_ts: messageTs,
    channel_id: container.channel,
    is_ephemeral: container.isEphemeral,
  };
}

// Slack includes the message for channel messages only: an ephemeral message is not stored anywhere.
function describeSource(container: ActionContainer): Json {
  if (container.type === 'view') return { view: container.view, state: { values: {} } };
  const channel = { id: container.channel, name: container.channelName };
  if (container.isEphemeral) return { channel, state: { values: {} } };
  return { channel, message: container.message, state: { values: {} } };
}

/** The fields of the slash command request Slack posts when the sandbox user sends `/klaxon …`. */
export function buildSlashCommandFields(input: {
  actor: SandboxActor;
  channel: string;
  channelName: string;
  text: string;
  responseUrl: string;
  triggerId: string;
}): Partial<SlashCommandFields> {
  const { actor } = input;
  return {
    token: verificationToken,
    team_id: actor.teamId,
    team_domain: actor.teamDomain,
    channel_id: input.channel,
    channel_name: input.channelName,
    user_id: actor.userId,
    user_name: actor.userName,
    command: '/klaxon',
    text: input.text,
    api_app_id: actor.apiAppId,
    response_url: input.responseUrl,
    trigger_id: input.triggerId,
  };
}

/** The Events API envelope for `app_home_opened`, sent when the sandbox user opens Klaxon's Home tab. */
export function buildAppHomeOpenedEvent(actor: SandboxActor, eventTs: string, view?: Json): Json {
  return {
    token: verificationToken,
    team_id: actor.teamId,
    api_app_id: actor.apiAppId,
    event: {
      type: 'app_home_opened',
      user: actor.userId,
      channel: `D${actor.userId.slice(1)}`,
      tab: 'home',
      event_ts: eventTs,
      ...(view ? { view } : {}),
    },
    type: 'event_callback',
    event_id: `Ev${eventTs.replace('.', '')}`,
    event_time: Math.floor(Number(eventTs)),
    authorizations: [{ enterprise_id: null, team_id: actor.teamId, user_id: actor.botUserId, is_bot: true }],
    is_ext_shared_channel: false,
  };
}
