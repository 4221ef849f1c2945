import * as z from 'zod';
import { lazy } from '../util/lazy.ts';

/** What the guard needs to know of a Slack request body, whatever its transport and encoding. */
export interface SlackRequestSummary {
  kind: 'interactive' | 'command' | 'event' | 'url-verification' | 'ssl-check';
  /** Payload type (`block_actions`), command (`/klaxon`) or event type (`app_home_opened`). */
  type: string;
  teamId?: string;
  appId?: string;
  userId?: string;
  actionIds: string[];
  /** The chosen option's value, when the (first) action is a menu. */
  selectedOption?: string;
  callbackId?: string;
  eventId?: string;
}

// Loose on purpose: only the fields the checks read; Bolt and the listeners read the rest.
const interactiveSchema = lazy(() =>
  z.object({
    type: z.string(),
    team: z.object({ id: z.string() }).nullish(),
    user: z.object({ id: z.string(), team_id: z.string().optional() }).optional(),
    api_app_id: z.string().optional(),
    actions: z
      .array(z.object({ action_id: z.string(), selected_option: z.object({ value: z.string() }).nullish() }))
      .optional(),
    view: z.object({ callback_id: z.string().optional() }).optional(),
    callback_id: z.string().optional(),
  }),
);

const eventSchema = lazy(() =>
  z.object({
    type: z.string(),
    team_id: z.string().optional(),
    api_app_id: z.string().optional(),
    event_id: z.string().optional(),
    event: z.object({ type: z.string(), user: z.unknown().optional() }).optional(),
  }),
);

/** Reads a body the way Slack sends it: form fields, `payload=<JSON>`, or Events API JSON. */
export function readSlackRequestBody(rawBody: string, contentType: string): SlackRequestSummary | undefined {
  try {
    if (contentType.startsWith('application/x-www-form-urlencoded')) return readForm(rawBody);
    return readEvent(JSON.parse(rawBody));
  } catch {
    return undefined;
  }
}

function readForm(rawBody: string): SlackRequestSummary | undefined {
  const form = new URLSearchParams(rawBody);
  const payload = form.get('payload');
  if (payload !== null) return readInteractive(JSON.parse(payload));
  if (form.get('ssl_check') === '1') return { kind: 'ssl-check', type: 'ssl_check', actionIds: [] };
  const command = form.get('command');
  if (!command) return undefined;
  return {
    kind: 'command',
    type: command,
    teamId: form.get('team_id') ?? undefined,
    appId: form.get('api_app_id') ?? undefined,
    userId: form.get('user_id') ?? undefined,
    actionIds: [],
  };
}

function readInteractive(json: unknown): SlackRequestSummary | undefined {
  const parsed = interactiveSchema().safeParse(json);
  if (!parsed.success) return undefined;
  const p = parsed.data;
  return {
    kind: 'interactive',
    type: p.type,
    // Org-wide installs send `team: null`; the user's team is then the workspace.
    teamId: p.team?.id ?? p.user?.team_id,
    appId: p.api_app_id,
    userId: p.user?.id,
    actionIds: (p.actions ?? []).map((a) => a.action_id),
    selectedOption: p.actions?.[0]?.selected_option?.value,
    callbackId: p.view?.callback_id ?? p.callback_id,
  };
}

function readEvent(json: unknown): SlackRequestSummary | undefined {
  const parsed = eventSchema().safeParse(json);
  if (!parsed.success) return undefined;
  const p = parsed.data;
  if (p.type === 'url_verification') return { kind: 'url-verification', type: p.type, actionIds: [] };
  return {
    kind: 'event',
    type: p.event?.type ?? p.type,
    teamId: p.team_id,
    appId: p.api_app_id,
    actionIds: [],
    eventId: p.event_id,
  };
}
