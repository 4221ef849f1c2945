import { readFileSync } from 'node:fs';
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
        'users:read',
      ].sort(),
    );
  });
});
