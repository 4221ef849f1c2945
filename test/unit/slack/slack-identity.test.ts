import { describe, expect, it } from 'vitest';
import {
  type AuthTestClient,
  createSlackIdentityService,
  type ScheduleRetry,
  SlackTokenRejectedError,
} from '../../../src/slack/slack-identity.ts';
import { createCollectingLogger } from '../../helpers/log-lines.ts';

const okAnswer = { ok: true, team_id: 'T0KLAXON1', bot_id: 'B0BOT', user_id: 'U0BOT', app_id: 'A0APP' };

function platformError(code: string) {
  return Object.assign(new Error(`An API error occurred: ${code}`), {
    code: 'slack_webapi_platform_error',
    data: { ok: false, error: code },
  });
}

function httpError(status: number) {
  return Object.assign(new Error(`An HTTP protocol error occurred: statusCode = ${status}`), {
    code: 'slack_webapi_http_error',
    statusCode: status,
  });
}

/** auth.test answers taken from a queue: an Error is thrown, anything else returned. */
function scriptedClient(answers: unknown[]): AuthTestClient & { calls: number } {
  const client = {
    calls: 0,
    auth: {
      test: async () => {
        client.calls++;
        const next = answers.shift();
        if (next instanceof Error) throw next;
        return next as typeof okAnswer;
      },
    },
  };
  return client;
}

/** A timer that runs only when the test says so. */
function manualScheduler() {
  const pending: Array<{ run: () => void; delayMs: number }> = [];
  const schedule: ScheduleRetry = (run, delayMs) => {
    const entry = { run, delayMs };
    pending.push(entry);
    return { cancel: () => pending.splice(pending.indexOf(entry), 1) };
  };
  return { schedule, pending, runNext: () => pending.shift()?.run() };
}

describe('the Slack identity service', () => {
  it('knows the identity once auth.test answers', async () => {
    const service = createSlackIdentityService({
      client: scriptedClient([okAnswer]),
      logger: createCollectingLogger().logger,
    });
    expect(service.status()).toBe('unknown');
    await service.start();
    expect(service.status()).toBe('ok');
    expect(service.identity()).toEqual({
      teamId: 'T0KLAXON1',
      botId: 'B0BOT',
      botUserId: 'U0BOT',
      appId: 'A0APP',
    });
  });

  it('keeps retrying with growing delays while Slack is down, logging the outage once', async () => {
    const client = scriptedClient([httpError(500), httpError(500), new TypeError('fetch failed'), okAnswer]);
    const timer = manualScheduler();
    const { logger, lines } = createCollectingLogger();
    const service = createSlackIdentityService({ client, logger, schedule: timer.schedule });
    await service.start();
    expect(service.status()).toBe('unreachable');
    expect(service.identity()).toBeUndefined();
    const delays: number[] = [];
    for (let attempt = 0; attempt < 3; attempt++) {
      delays.push(timer.pending[0]!.delayMs);
      timer.runNext();
      await service.settled();
    }
    expect(service.status()).toBe('ok');
    expect(client.calls).toBe(4);
    expect(delays[1]).toBeGreaterThan(delays[0]!);
    expect(delays[2]).toBeGreaterThan(delays[1]!);
    expect(timer.pending).toHaveLength(0);
    const outageLines = lines.filter((l) => Number(l.level) >= 40);
    expect(outageLines).toHaveLength(1);
    expect(outageLines[0]!.msg).toMatch(/Slack is unreachable/);
    expect(lines.some((l) => /Slack is reachable/.test(String(l.msg)))).toBe(true);
  });

  it.each(['invalid_auth', 'not_authed', 'token_revoked', 'account_inactive'])(
    'refuses to start when Slack rejects the token (%s), and stops trying',
    async (code) => {
      const timer = manualScheduler();
      const service = createSlackIdentityService({
        client: scriptedClient([platformError(code)]),
        logger: createCollectingLogger().logger,
        schedule: timer.schedule,
      });
      const started = service.start();
      await expect(started).rejects.toBeInstanceOf(SlackTokenRejectedError);
      await expect(started).rejects.toThrow(/SLACK_BOT_TOKEN/);
      expect(service.status()).toBe('token-rejected');
      expect(timer.pending).toHaveLength(0);
    },
  );

  it('tries at once when asked for the identity while it is unknown (a Lambda container woken up)', async () => {
    const timer = manualScheduler();
    const service = createSlackIdentityService({
      client: scriptedClient([httpError(503), okAnswer]),
      logger: createCollectingLogger().logger,
      schedule: timer.schedule,
    });
    await service.start();
    expect(await service.resolveIdentity()).toMatchObject({ teamId: 'T0KLAXON1' });
    expect(service.status()).toBe('ok');
    expect(timer.pending).toHaveLength(0);
  });

  it('takes a given identity without calling Slack', async () => {
    const client = scriptedClient([]);
    const service = createSlackIdentityService({
      client,
      logger: createCollectingLogger().logger,
      known: { teamId: 'T1', botId: 'B1', botUserId: 'U1' },
    });
    await service.start();
    expect(service.status()).toBe('ok');
    expect(client.calls).toBe(0);
  });
});
