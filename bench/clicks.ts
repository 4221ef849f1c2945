import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { AlertActionIds } from '../src/render/action-values.ts';
import type { StoredMessage } from '../src/sandbox/fake-slack-types.ts';
import { interactionBody, signSlackRequest } from '../src/sandbox/sign-slack-request.ts';
import { benchBotIdentity, benchSigningSecret } from './bench-harness.ts';

const fixture = JSON.parse(
  readFileSync(new URL('../test/fixtures/slack/block-actions-button.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

const clicker = { id: 'U0BENCHER', name: 'bencher' };
let clicks = 0;

/** The Acknowledge button of a root message (its value is the alert id), if it has one. */
export function acknowledgeElementOf(root: StoredMessage): Record<string, unknown> | undefined {
  const blocks = (root.blocks ?? []) as Array<{ type: string; elements?: Array<Record<string, unknown>> }>;
  return blocks
    .flatMap((block) => (block.type === 'actions' ? (block.elements ?? []) : []))
    .find((element) => element.action_id === AlertActionIds.acknowledge);
}

/** Slack's documented block_actions example with our root's Acknowledge button clicked, signed now. */
export function signedAcknowledgeClick(root: StoredMessage) {
  const element = acknowledgeElementOf(root);
  if (!element) throw new Error('the root message has no Acknowledge button');
  const { confirm: _confirm, style: _style, ...action } = element;
  const teamId = benchBotIdentity.teamId;
  // Two real clicks never share an action_ts; identical bodies in the same second would be a replay.
  const actionTs = `${Math.floor(Date.now() / 1000)}.${String(++clicks).padStart(6, '0')}`;
  const payload = {
    ...fixture,
    team: { ...(fixture.team as object), id: teamId },
    user: { id: clicker.id, username: clicker.name, name: clicker.name, team_id: teamId },
    container: { type: 'message', message_ts: root.ts, channel_id: root.channel, is_ephemeral: false },
    channel: { id: root.channel, name: 'alerts' },
    message: { ...(fixture.message as object), ts: root.ts, text: root.text, blocks: root.blocks },
    actions: [{ ...action, block_id: 'klaxon_alert_actions', action_ts: actionTs }],
  };
  const body = interactionBody(payload);
  return { body, headers: signSlackRequest(benchSigningSecret, body), alertId: String(element.value) };
}

/** POSTs signed Slack requests to /slack/events over a kept-alive socket; answers the status. */
export function createSlackSender(baseUrl: string) {
  const url = new URL('/slack/events', baseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const post = (click: ReturnType<typeof signedAcknowledgeClick>): Promise<number> =>
    new Promise((resolve, reject) => {
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: 'POST',
          agent,
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            'content-length': Buffer.byteLength(click.body),
            ...click.headers,
          },
        },
        (res) => {
          res.resume();
          res.on('error', reject);
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', reject);
      req.end(click.body);
    });
  return { post, close: () => agent.destroy() };
}
