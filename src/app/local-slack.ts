import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { renderBlocksAsPlainText } from '../render/plain-text.ts';
import {
  type EphemeralMessage,
  type FakeSlackApi,
  type StoredMessage,
  startFakeSlackApi,
} from '../sandbox/fake-slack-api.ts';
import { persistFakeSlack } from '../sandbox/fake-slack-persistence.ts';

export const localSlackIdentity = {
  teamId: 'T0KLAXON1',
  botId: 'B0KLAXONBOT',
  botUserId: 'U0KLAXONBOT',
} as const;

/** The people and channels of the local workspace; the sandbox page shows them by these names. */
export const localSlackWorkspace = {
  users: { U0SANDBOX: { name: 'you', real_name: 'Sandbox User' } },
  channels: { C0ALERTS: { name: 'alerts' } },
};

/** The file, in the data directory next to the alert state, that keeps the stand-in's channels and messages. */
export const localSlackFileName = 'fake-slack.json';

/**
 * The local stand-in for Slack when no SLACK_BOT_TOKEN is set: the same fake Web API server the tests use,
 * with every message Klaxon posts printed as readable text, and a signing secret made for this run. Its
 * channels and messages are kept in the data directory, like the alerts that point at them, so a restart
 * keeps both; deleting the directory starts both fresh.
 */
export async function startLocalSlack(print: (text: string) => void, dataDir: string) {
  const api = await startFakeSlackApi(localSlackWorkspace);
  const path = join(dataDir, localSlackFileName);
  const persistence = persistFakeSlack(api, path, { warn: (text) => print(`${text}\n`) });
  printMessagesOf(api, print);
  return {
    api,
    token: 'xoxb-local-sandbox',
    signingSecret: randomBytes(24).toString('hex'),
    kept: { path, restored: persistence.restored },
    stop: async () => {
      await api.close();
      persistence.flush();
    },
  };
}

function printMessagesOf(api: FakeSlackApi, print: (text: string) => void) {
  const show = (label: string) => (message: StoredMessage) => {
    const where = message.thread_ts
      ? `#${message.channel} (thread ${message.thread_ts})`
      : `#${message.channel}`;
    print(`\n── Slack ${label} in ${where} ──\n${renderBlocksAsPlainText(message)}\n`);
  };
  api.events.on('message-posted', show('message'));
  api.events.on('message-updated', show('update'));
  // Command answers and refusals are ephemeral: only the person who asked sees them, in Slack as here.
  api.events.on('ephemeral', (message: EphemeralMessage) => {
    print(
      `\n── Slack reply only @${message.user} sees, in #${message.channel} ──\n${renderBlocksAsPlainText(message)}\n`,
    );
  });
}
