import { describeUser, findOption, type SandboxActor } from './sandbox-payloads.ts';

type Json = Record<string, unknown>;

/** What the page sends for a modal's inputs: block_id → action_id → the raw value(s) the user entered. */
export type RawViewInputs = Record<string, Record<string, string | string[] | null>>;

/** Slack's fallback ids for blocks and elements that have none; the page uses the same ones. */
export function blockIdOf(block: Json, index: number): string {
  return typeof block.block_id === 'string' ? block.block_id : `block-${index}`;
}

export function actionIdOf(element: Json, index: number): string {
  return typeof element.action_id === 'string' ? element.action_id : `action-${index}`;
}

/** `view.state.values` as Slack builds it: one typed entry per input block, options looked up by value. */
export function buildViewStateValues(blocks: unknown, inputs: RawViewInputs): Record<string, Json> {
  const values: Record<string, Json> = {};
  if (!Array.isArray(blocks)) return values;
  blocks.forEach((block: Json, index) => {
    if (block?.type !== 'input' || typeof block.element !== 'object' || block.element === null) return;
    const element = block.element as Json;
    const blockId = blockIdOf(block, index);
    const actionId = actionIdOf(element, index);
    const raw = inputs[blockId]?.[actionId] ?? null;
    values[blockId] = { [actionId]: buildElementState(element, raw) };
  });
  return values;
}

function first(raw: string | string[] | null): string | null {
  const value = Array.isArray(raw) ? raw[0] : raw;
  return value === undefined || value === '' ? null : value;
}

function buildElementState(element: Json, raw: string | string[] | null): Json {
  const type = element.type;
  const value = first(raw);
  switch (type) {
    case 'static_select':
    case 'radio_buttons':
      return { type, selected_option: findOption(element, value ?? undefined) ?? null };
    case 'checkboxes':
    case 'multi_static_select': {
      const chosen = Array.isArray(raw) ? raw : raw === null ? [] : [raw];
      return { type, selected_options: chosen.map((v) => findOption(element, v)).filter(Boolean) };
    }
    case 'datepicker':
      return { type, selected_date: value };
    case 'timepicker':
      return { type, selected_time: value };
    case 'datetimepicker':
      return { type, selected_date_time: value === null ? null : Math.floor(Date.parse(value) / 1000) };
    case 'users_select':
      return { type, selected_user: value };
    case 'conversations_select':
      return { type, selected_conversation: value };
    case 'channels_select':
      return { type, selected_channel: value };
    default:
      return { type, value };
  }
}

/** The `view_submission` payload Slack posts when the user presses a modal's submit button. */
export function buildViewSubmissionPayload(input: {
  actor: SandboxActor;
  view: Json;
  inputs: RawViewInputs;
  triggerId: string;
}): Json {
  const { actor, view } = input;
  return {
    type: 'view_submission',
    team: { id: actor.teamId, domain: actor.teamDomain },
    user: describeUser(actor),
    api_app_id: actor.apiAppId,
    token: 'sandbox-verification-token',
    trigger_id: input.triggerId,
    view: {
      private_metadata: '',
      callback_id: '',
      root_view_id: view.id,
      previous_view_id: null,
      app_id: actor.apiAppId,
      clear_on_close: false,
      notify_on_close: false,
      ...view,
      state: { values: buildViewStateValues(view.blocks, input.inputs) },
    },
    response_urls: [],
    enterprise: null,
    is_enterprise_install: false,
  };
}
