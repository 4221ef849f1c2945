import { AthenaClient } from '@aws-sdk/client-athena';
import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config/load-config.ts';
import { buildCommandDeps, type CommandDeps } from '../../../src/core/commands/command-deps.ts';
import { buildCommandJob } from '../../../src/core/commands/command-job.ts';
import { runKlaxonCommand } from '../../../src/core/commands/run-klaxon-command.ts';
import { createSilentLogger } from '../../../src/observability/logger.ts';
import { type FakeSlackApi, startFakeSlackApi } from '../../../src/sandbox/fake-slack-api.ts';
import { createSlackWebClient } from '../../../src/slack/slack-client.ts';
import { createSlackPoster } from '../../../src/slack/slack-poster.ts';
import { createUsergroupMembership } from '../../../src/slack/usergroup-membership.ts';
import type { KlaxonStore } from '../../../src/store/open-store.ts';
import { createFakeClock } from '../../helpers/fake-clock.ts';
import { testAwsClients } from '../../helpers/klaxon-harness.ts';
import { openTestStore } from '../../helpers/test-store.ts';

// The worker half on its own, as the Lambda worker will call it: a job in, answers on the response_url.
const awsMocks = [mockClient(CloudTrailClient), mockClient(AthenaClient), mockClient(CloudWatchLogsClient)];
let slack: FakeSlackApi;
let store: KlaxonStore;

function depsWith(config: Record<string, unknown>, hasCredentials: boolean): CommandDeps {
  const webClient = createSlackWebClient({ token: 'xoxb-test', slackApiUrl: slack.url });
  return buildCommandDeps(
    {
      config: parseConfig(config, 'test'),
      store,
      slack: createSlackPoster(webClient),
      aws: { ...testAwsClients(), hasCredentials: async () => hasCredentials },
      membership: createUsergroupMembership(webClient),
      logger: createSilentLogger(),
    },
    { clock: createFakeClock(Date.now()) },
  );
}

function jobFor(text: string) {
  const responseUrl = slack.createResponseUrl({ channel: 'C0ALERTS01', userId: 'U0ONCALL01' });
  const job = buildCommandJob(
    {
      command: '/klaxon',
      text,
      user_id: 'U0ONCALL01',
      user_name: 'oncall',
      channel_id: 'C0ALERTS01',
      response_url: responseUrl,
    },
    new Date(),
  );
  return { job, responseId: responseUrl.slice(responseUrl.lastIndexOf('/') + 1) };
}

beforeAll(async () => {
  slack = await startFakeSlackApi();
  store = await openTestStore();
});
afterAll(async () => {
  await slack.close();
});
beforeEach(() => {
  for (const mock of awsMocks) mock.reset();
  slack.reset();
});

describe('runKlaxonCommand', () => {
  it.each(['trail user=alice', 'logs /aws/lambda/etl', 'athena denied'])(
    'answers `%s` with "no AWS credentials" and never calls AWS',
    async (text) => {
      const { job, responseId } = jobFor(text);

      expect(await runKlaxonCommand(job, depsWith({}, false))).toBe('failed');

      const [answer] = slack.responses(responseId);
      expect(answer!.body.text).toContain('No AWS credentials are configured');
      expect(awsMocks.map((mock) => mock.calls().length)).toEqual([0, 0, 0]);
    },
  );

  it('says so when Athena is not configured', async () => {
    const { job, responseId } = jobFor('athena denied since=7d');

    expect(await runKlaxonCommand(job, depsWith({}, true))).toBe('failed');

    expect(slack.responses(responseId)[0]!.body.text).toContain('Athena is not configured');
  });

  it('lists open alerts without AWS credentials (they come from the store)', async () => {
    const { job, responseId } = jobFor('alerts');

    expect(await runKlaxonCommand(job, depsWith({}, false))).toBe('ok');

    expect(slack.responses(responseId)[0]!.body.text).toBe('No open alerts');
  });

  it('answers a job whose text does not parse with the usage, without auditing', async () => {
    const { job, responseId } = jobFor('trail since=forever');

    expect(await runKlaxonCommand(job, depsWith({}, true))).toBe('answered');

    expect(slack.responses(responseId)[0]!.body.text).toContain('`since=forever` is not a duration');
  });
});
