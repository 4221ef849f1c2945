import type { FakeSlackApi, StoredMessage } from './fake-slack-api.ts';
import { toSlackMessage } from './fake-slack-chat.ts';
import {
  type ActionContainer,
  buildAppHomeOpenedEvent,
  buildBlockAction,
  buildBlockActionsPayload,
  buildSlashCommandFields,
  type SandboxActor,
} from './sandbox-payloads.ts';
import { createInteractionIds, postToSlack } from './sandbox-slack-requests.ts';
import type { SandboxState } from './sandbox-state.ts';
import { blockIdOf, buildViewSubmissionPayload, type RawViewInputs } from './sandbox-view-state.ts';
import { interactionBody, slashCommandBody } from './sign-slack-request.ts';

export interface InteractionDeps {
  api: FakeSlackApi;
  signingSecret: string;
  actor: SandboxActor;
  state: SandboxState;
  /** The sandbox clock (epoch ms): requests are signed at its time, as Klaxon checks them against it. */
  now?: () => number;
}

export class SandboxRequestError extends Error {
  override name = 'SandboxRequestError';
}

export type ActionTarget =
  | { kind: 'message'; channel: string; ts: string }
  | { kind: 'ephemeral'; channel: string; messageTs: string }
  | { kind: 'view'; viewId: string };

export interface ActionRequest {
  target: ActionTarget;
  blockIndex: number;
  /** Index in an actions block's `elements`, or `accessory` for a section's accessory. */
  element: number | 'accessory';
  selectedValue?: string;
}

type Json = Record<string, unknown>;

/** Sends the `block_actions` Slack would send for a click or a pick in a message, ephemeral or view. */
export async function sendBlockAction(deps: InteractionDeps, origin: string, request: ActionRequest) {
  const located = locateTarget(deps, request.target);
  const block = (located.blocks[request.blockIndex] ?? {}) as Json;
  const elements = Array.isArray(block.elements) ? (block.elements as Json[]) : [];
  const element = request.element === 'accessory' ? (block.accessory as Json) : elements[request.element];
  const ids = createInteractionIds(deps.now?.() ?? Date.now());
  const action = element
    ? buildBlockAction(element, blockIdOf(block, request.blockIndex), request.selectedValue, ids.actionTs)
    : undefined;
  if (!action) throw new SandboxRequestError('no interactive element there');
  const payload = buildBlockActionsPayload({
    actor: deps.actor,
    container: located.container,
    action,
    ids,
    responseUrl: located.responseUrl,
  });
  return postToSlack(deps, origin, interactionBody(payload), 'application/x-www-form-urlencoded');
}

interface LocatedTarget {
  container: ActionContainer;
  blocks: unknown[];
  responseUrl?: string;
}

function locateTarget(deps: InteractionDeps, target: ActionTarget): LocatedTarget {
  const { api, actor } = deps;
  if (target.kind === 'view') {
    const stored = api.views().find((view) => view.id === target.viewId);
    if (!stored) throw new SandboxRequestError(`no view ${target.viewId}`);
    return { container: { type: 'view', view: stored.view }, blocks: asArray(stored.view.blocks) };
  }
  const channelName = deps.state.channelName(target.channel);
  if (target.kind === 'ephemeral') {
    const ephemeral = api.ephemerals(target.channel).find((e) => e.message_ts === target.messageTs);
    if (!ephemeral) throw new SandboxRequestError(`no ephemeral message ${target.messageTs}`);
    const container = {
      type: 'message',
      channel: target.channel,
      channelName,
      messageTs: target.messageTs,
    } as const;
    const responseUrl = api.createResponseUrl({ channel: target.channel, userId: actor.userId });
    return { container: { ...container, isEphemeral: true }, blocks: asArray(ephemeral.blocks), responseUrl };
  }
  const message = findMessage(api.messages(target.channel), target.ts);
  if (!message) throw new SandboxRequestError(`no message ${target.ts} in ${target.channel}`);
  const container = { type: 'message', channel: target.channel, channelName, isEphemeral: false } as const;
  const origin = { channel: target.channel, messageTs: target.ts, userId: actor.userId };
  return {
    container: { ...container, message: toSlackMessage(message) },
    blocks: asArray(message.blocks),
    responseUrl: api.createResponseUrl(origin),
  };
}

/** A top-level message or a thread reply. */
export function findMessage(messages: StoredMessage[], ts: string): StoredMessage | undefined {
  for (const message of messages) {
    if (message.ts === ts) return message;
    const reply = message.replies.find((candidate) => candidate.ts === ts);
    if (reply) return reply;
  }
  return undefined;
}

/** Sends a modal's `view_submission`; the answer carries Klaxon's `response_action`, if any. */
export async function sendViewSubmission(
  deps: InteractionDeps,
  origin: string,
  viewId: string,
  inputs: RawViewInputs,
) {
  const stored = deps.api.views().find((view) => view.id === viewId);
  if (!stored) throw new SandboxRequestError(`no view ${viewId}`);
  const view = { ...stored.view, hash: stored.hash, team_id: deps.actor.teamId };
  const payload = buildViewSubmissionPayload({
    actor: deps.actor,
    view,
    inputs,
    triggerId: createInteractionIds(deps.now?.() ?? Date.now()).triggerId,
  });
  return postToSlack(deps, origin, interactionBody(payload), 'application/x-www-form-urlencoded');
}

/**
 * Sends `/klaxon <text>` as a slash command from the given channel. Slack shows a command's immediate answer
 * the way it shows a post to the command's response_url, so the answer goes there and the page sees it.
 */
export async function sendSlashCommand(deps: InteractionDeps, origin: string, channel: string, text: string) {
  const responseUrl = deps.api.createResponseUrl({ channel, userId: deps.actor.userId });
  const fields = buildSlashCommandFields({
    actor: deps.actor,
    channel,
    channelName: deps.state.channelName(channel),
    text,
    responseUrl,
    triggerId: createInteractionIds(deps.now?.() ?? Date.now()).triggerId,
  });
  const answer = await postToSlack(
    deps,
    origin,
    slashCommandBody(fields),
    'application/x-www-form-urlencoded',
  );
  if (answer.status === 200 && typeof answer.body === 'object' && answer.body !== null) {
    await fetch(responseUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(answer.body),
    });
  }
  return answer;
}

/** Tells Klaxon the sandbox user opened its Home tab, as the Events API does. */
export async function sendAppHomeOpened(deps: InteractionDeps, origin: string) {
  const home = deps.api.views().find((view) => view.user_id === deps.actor.userId)?.view;
  const event = buildAppHomeOpenedEvent(
    deps.actor,
    createInteractionIds(deps.now?.() ?? Date.now()).actionTs,
    home,
  );
  return postToSlack(deps, origin, JSON.stringify(event), 'application/json');
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
