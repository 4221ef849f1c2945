import type { ActionTarget } from '../sandbox-interactions.ts';
import { askConfirm } from './confirm.ts';
import { asArray, asObject } from './html.ts';
import { describe, findModalView } from './modal.ts';
import { type PageState, postJson } from './page-api.ts';
import type { MrkdwnContext } from './render-mrkdwn.ts';

type Json = Record<string, unknown>;

export interface ActionHost {
  state(): PageState | undefined;
  context(): MrkdwnContext;
  report(text: string, isError?: boolean): void;
}

/** Which message, ephemeral message or view an element belongs to, read from its container's attributes. */
export function readTarget(element: HTMLElement): ActionTarget | undefined {
  const container = element.closest<HTMLElement>('[data-container]');
  const data = container?.dataset ?? {};
  if (data.container === 'message' && data.channel && data.ts)
    return { kind: 'message', channel: data.channel, ts: data.ts };
  if (data.container === 'ephemeral' && data.channel && data.messageTs) {
    return { kind: 'ephemeral', channel: data.channel, messageTs: data.messageTs };
  }
  if (data.container === 'view' && data.viewId) return { kind: 'view', viewId: data.viewId };
  return undefined;
}

function findBlocks(state: PageState | undefined, target: ActionTarget): unknown[] {
  if (target.kind === 'view') {
    const view = findModalView(target.viewId) ?? (state?.home?.id === target.viewId ? state.home : undefined);
    return asArray(view?.blocks);
  }
  if (target.kind === 'ephemeral') {
    return asArray(state?.ephemerals.find((e) => e.message_ts === target.messageTs)?.blocks);
  }
  const messages = state?.channels.find((channel) => channel.id === target.channel)?.messages ?? [];
  const all = messages.flatMap((message) => [message, ...message.replies]);
  return asArray(all.find((message) => message.ts === target.ts)?.blocks);
}

function findElement(blocks: unknown[], blockIndex: number, place: number | 'accessory'): Json | undefined {
  const block = asObject(blocks[blockIndex]);
  if (place === 'accessory') return asObject(block?.accessory);
  return asObject(asArray(block?.elements)[place]);
}

/** A click or pick on a Block Kit element: confirm if asked, then send Slack's block_actions to Klaxon. */
export async function sendElementAction(source: HTMLElement, host: ActionHost): Promise<void> {
  const target = readTarget(source);
  if (!target) return;
  const blockIndex = Number(source.dataset.blockIndex);
  const place = source.dataset.element === 'accessory' ? 'accessory' : Number(source.dataset.element);
  const element = findElement(findBlocks(host.state(), target), blockIndex, place);
  const selectedValue = source instanceof HTMLSelectElement ? source.value : source.dataset.value;
  source.closest('details')?.removeAttribute('open');
  const confirm = asObject(element?.confirm);
  if (confirm && !(await askConfirm(confirm, host.context()))) return;
  if (source.dataset.url) window.open(source.dataset.url, '_blank', 'noopener');
  const answer = await postJson('/sandbox/api/action', { target, blockIndex, element: place, selectedValue });
  if (!answer.ok) host.report(`Klaxon answered ${answer.status}: ${describe(answer.body)}`, true);
}
