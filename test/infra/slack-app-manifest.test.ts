import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';

describe('slack-app-manifest.yaml', () => {
  const manifest = parseYaml(readFileSync(new URL('../../slack-app-manifest.yaml', import.meta.url), 'utf8'));

  it('declares the bot, /klaxon, interactivity, App Home and the request URLs', () => {
    const requestUrl = 'https://YOUR-KLAXON-HOST/slack/events';
    expect(manifest.display_information.name).toBe('Klaxon');
    expect(manifest.features.bot_user.display_name).toMatch(/^[a-z0-9._-]+$/);
    expect(manifest.features.app_home).toMatchObject({ home_tab_enabled: true, messages_tab_enabled: false });
    expect(manifest.features.slash_commands).toEqual([
      expect.objectContaining({ command: '/klaxon', url: requestUrl, usage_hint: expect.any(String) }),
    ]);
    expect(manifest.settings.interactivity).toEqual({ is_enabled: true, request_url: requestUrl });
    expect(manifest.settings.event_subscriptions).toEqual({
      request_url: requestUrl,
      bot_events: ['app_home_opened'],
    });
    expect(manifest.settings.socket_mode_enabled).toBe(false);
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual(
      [
        'channels:history',
        'channels:read',
        'chat:write',
        'chat:write.public',
        'commands',
        'files:write',
        'groups:history',
        'groups:read',
        'usergroups:read',
      ].sort(),
    );
  });

  it('requests only the scopes of the Web API methods the code calls', () => {
    // Prepare: the scopes each method needs (docs.slack.dev/reference/methods), and `/klaxon` needs `commands`.
    const scopesOf: Record<string, string[]> = {
      'chat.postMessage': ['chat:write', 'chat:write.public'],
      'chat.update': ['chat:write'],
      'chat.postEphemeral': ['chat:write'],
      'conversations.info': ['channels:read', 'groups:read'],
      'conversations.history': ['channels:history', 'groups:history'],
      'conversations.replies': ['channels:history', 'groups:history'],
      'usergroups.users.list': ['usergroups:read'],
      'files.getUploadURLExternal': ['files:write'],
      'files.completeUploadExternal': ['files:write'],
      'views.open': [],
      'views.publish': [],
      'auth.test': [],
    };

    // Act
    const called = [...readSources('src')]
      .flatMap((text) => [
        // A Web API call on a client: `client.chat.update(`, or `webClient.usergroups.users` then `.list(`.
        ...text.matchAll(
          /[cC]lient\.((?:chat|conversations|usergroups|users|files|views|reactions|auth)(?:\s*\.[a-zA-Z]+)+)\s*\(/g,
        ),
      ])
      .map((match) => match[1]!.replace(/\s+/g, ''));
    const needed = new Set([
      'commands',
      ...called.flatMap((method) => scopesOf[method] ?? [`unknown:${method}`]),
    ]);

    // Assess
    expect([...new Set(manifest.oauth_config.scopes.bot)].sort()).toEqual([...needed].sort());
  });
});

/** The production sources: the sandbox's stand-in for Slack answers methods, it does not call them. */
function* readSources(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && path !== join('src', 'sandbox')) yield* readSources(path);
    else if (entry.name.endsWith('.ts')) yield readFileSync(path, 'utf8');
  }
}
