import { AthenaClient } from '@aws-sdk/client-athena';
import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import {
  CloudWatchLogsClient,
  GetQueryResultsCommand,
  StartQueryCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { logsQueryResults } from '../../helpers/aws-responses.ts';
import {
  createRestartableClock,
  postSlashCommand,
  shownText,
  useCommandHarness,
  waitForResponses,
} from './slash-command-kit.ts';

const logs = mockClient(CloudWatchLogsClient);
const cloudTrail = mockClient(CloudTrailClient);
const athena = mockClient(AthenaClient);
const clock = createRestartableClock();
const queryId = '82765b94-d048-4ef8-87c1-fd19a76a9d8e';

const h = useCommandHarness({ queries: { logGroupAliases: { etl: '/aws/lambda/etl' } } }, { clock }, [
  logs,
  cloudTrail,
  athena,
]);

describe('/klaxon acknowledgement', () => {
  it('acknowledges with an ephemeral "Running…" before the slow query finishes', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    logs.on(StartQueryCommand).resolves({ queryId });
    logs.on(GetQueryResultsCommand).callsFake(async () => {
      await gate;
      return logsQueryResults('Complete');
    });

    const command = await postSlashCommand(h, 'logs etl since=1h');

    expect(command.status).toBe(200);
    expect(command.ack).toMatchObject({ response_type: 'ephemeral' });
    expect(command.ack.text).toContain('Running… /klaxon logs etl since=1h');
    expect(h.slack.responses(command.responseId)).toHaveLength(0);
    release();
    const [answer] = await waitForResponses(h, command.responseId, 1);
    expect(answer!.body).toMatchObject({ response_type: 'ephemeral', replace_original: true });
    expect(shownText(answer!)).toContain('ERROR Test BENCHMARK 3');
    expect(logs.commandCalls(StartQueryCommand)[0]!.args[0].input.logGroupNames).toEqual(['/aws/lambda/etl']);
  });

  it.each([
    ['frobnicate', 'Unknown subcommand `frobnicate`.'],
    ['trail nonsense', 'Unexpected argument `nonsense`'],
    ['trail since=yesterday', '`since=yesterday` is not a duration'],
    ['trail from=2024-05-02 to=2024-05-01', '`from` must be before `to`.'],
    ['logs etl since=30d', 'That range is 30 days; `logs` covers at most 7 days.'],
    ['trail limit=5000', '`limit=5000` is over the maximum of 200.'],
    ['logs no:such:group', 'is neither a log group name nor a known alias'],
    ["athena user \"x' OR '1'='1\"", 'is not an IAM user or role session name'],
  ])('answers `%s` with the reason and usage, and starts nothing', async (text, reason) => {
    const command = await postSlashCommand(h, text);

    expect(command.status).toBe(200);
    expect(command.ack).toMatchObject({ response_type: 'ephemeral' });
    expect(command.ack.text).toContain(reason);
    expect(JSON.stringify(command.ack.blocks)).toContain('/klaxon help');
    expect(h.slack.callsTo('response-url')).toHaveLength(0);
    expect([...logs.calls(), ...cloudTrail.calls(), ...athena.calls()]).toHaveLength(0);
  });

  it('lists every subcommand with examples for `help` and for an empty command', async () => {
    for (const text of ['help', '']) {
      const command = await postSlashCommand(h, text);
      const shown = JSON.stringify(command.ack.blocks);
      for (const sub of ['trail', 'athena', 'logs', 'alerts', 'mutes'])
        expect(shown).toContain(`/klaxon ${sub}`);
      expect(shown).toContain('e.g.');
    }
    expect(h.slack.callsTo('response-url')).toHaveLength(0);
  });

  it('refuses an unsigned request before any listener runs', async () => {
    const response = await fetch(`${h.url}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'command=%2Fklaxon&text=alerts',
    });
    expect(response.status).toBe(401);
    expect(h.slack.callsTo('response-url')).toHaveLength(0);
  });
});
