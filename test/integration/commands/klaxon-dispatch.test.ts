import { beforeEach, describe, expect, it } from 'vitest';
import { type CommandJob, readCommandJob } from '../../../src/core/commands/command-job.ts';
import type { CommandWorkRunner } from '../../../src/core/commands/command-runner.ts';
import { useHarness } from '../../helpers/klaxon-harness.ts';
import { postSlashCommand, waitForResponses } from './slash-command-kit.ts';

// A runner standing in for the Lambda async invocation: it records the jobs, or fails to hand them off.
const dispatched: CommandJob[] = [];
let failDispatch = false;
const runner: CommandWorkRunner = {
  async dispatch(job) {
    if (failDispatch) throw new Error('Lambda Invoke failed: TooManyRequestsException');
    dispatched.push(JSON.parse(JSON.stringify(job)));
  },
};

const h = useHarness({}, { commands: { runner } });
beforeEach(() => {
  dispatched.length = 0;
  failDispatch = false;
});

describe('/klaxon dispatch', () => {
  it('hands the runner a plain JSON job with what Slack sent and when', async () => {
    const before = Date.now();
    const command = await postSlashCommand(h, '  logs /aws/lambda/etl since=1h share ', {
      user_name: 'oncall',
    });

    expect(command.ack.text).toContain('Running…');
    expect(dispatched).toHaveLength(1);
    const job = readCommandJob(dispatched[0]);
    expect(job).toMatchObject({
      version: 1,
      command: '/klaxon',
      text: 'logs /aws/lambda/etl since=1h share',
      userId: 'U0ONCALL01',
      userName: 'oncall',
      channelId: 'C0ALERTS01',
      teamId: 'T0KLAXON1',
    });
    expect(job!.responseUrl).toContain(`/response/${command.responseId}`);
    expect(Date.parse(job!.issuedAt)).toBeGreaterThanOrEqual(before - 1000);
  });

  it('does not dispatch help or usage errors', async () => {
    await postSlashCommand(h, 'help');
    await postSlashCommand(h, 'trail bogus');
    expect(dispatched).toHaveLength(0);
  });

  it('replaces "Running…" with a short notice when the work cannot be handed off', async () => {
    failDispatch = true;
    const command = await postSlashCommand(h, 'alerts');
    const [notice] = await waitForResponses(h, command.responseId, 1);

    expect(notice!.body.text).toBe('Klaxon could not finish the command.');
    expect(JSON.stringify(notice!.body)).not.toContain('TooManyRequestsException');
  });
});
