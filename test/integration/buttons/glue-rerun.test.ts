import {
  ConcurrentRunsExceededException,
  EntityNotFoundException,
  GetJobRunCommand,
  GlueClient,
  StartJobRunCommand,
  ThrottlingException,
} from '@aws-sdk/client-glue';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { interactionBody } from '../../../src/sandbox/sign-slack-request.ts';
import { glueFailedRun } from '../../helpers/aws-responses.ts';
import { testTopicArn, useHarness } from '../../helpers/klaxon-harness.ts';
import {
  blockActionsPayload,
  clickButton,
  findElement,
  glueFailure,
  glueSucceeded,
  postToSlackEndpoint,
  waitForAudits,
} from './slack-requests.ts';

const glue = mockClient(GlueClient);
const operator = { userId: 'U0OPERATOR', userName: 'operator' };
/** Each test clicks as its own operators, so counting their audit records tells when their clicks are done. */
const operators = ['U0OPS1', 'U0OPS2', 'U0OPS3', 'U0OPS4', 'U0OPS5', 'U0OPS6'].map((userId) => ({
  userId,
  userName: userId.toLowerCase(),
}));

const h = useHarness({
  permissions: { rerun: { users: [operator.userId, ...operators.map((o) => o.userId)] } },
});
beforeEach(() => glue.reset());

async function failJob(jobName: string, jobRunId: string) {
  await h.postSns(h.signer.notification(testTopicArn, glueFailure(jobName, jobRunId)));
  glue.on(GetJobRunCommand).resolves({ JobRun: glueFailedRun({ JobName: jobName, Id: jobRunId }) });
  return h.slack.messages('C0ALERTS')[0]!;
}

describe('Rerun a failed Glue job', () => {
  it('asks for confirmation, starts one run with the failed run’s arguments, and threads its outcome', async () => {
    const root = await failJob('NightlyLoad', 'jr_failed_1');
    expect(findElement(root, 'klaxon_rerun_glue')).toHaveProperty('confirm.confirm.text', 'Rerun');
    glue.on(StartJobRunCommand).resolves({ JobRunId: 'jr_rerun_1' });

    await clickButton(h, root, 'klaxon_rerun_glue', operator);
    const [audit] = await waitForAudits(h, operator.userId, 1);
    expect(audit).toMatchObject({
      action: 'rerun',
      result: 'ok',
      params: { jobName: 'NightlyLoad', jobRunId: 'jr_failed_1' },
    });
    expect(glue.commandCalls(StartJobRunCommand)[0]!.args[0].input).toMatchObject({
      JobName: 'NightlyLoad',
      Arguments: { '--job-bookmark-option': 'job-bookmark-enable' },
    });
    const thread = h.slack.messages('C0ALERTS')[0]!.replies;
    expect(thread).toHaveLength(1);
    expect(JSON.stringify(thread[0]!.blocks)).toContain('jr_rerun_1');
    expect(JSON.stringify(thread[0]!.blocks)).toContain(
      'gluestudio/home?region=us-west-2#/job/NightlyLoad/run/jr_rerun_1',
    );

    await h.postSns(h.signer.notification(testTopicArn, glueSucceeded('NightlyLoad', 'jr_rerun_1')));
    const [after, ...others] = h.slack.messages('C0ALERTS');
    expect(others).toHaveLength(0);
    expect(after!.replies).toHaveLength(2);
    expect(JSON.stringify(after!.blocks)).toMatch(/Resolved/);
  });

  it('starts exactly one run for two concurrent clicks and a later retry', async () => {
    const root = await failJob('ConcurrentClicks', 'jr_failed_2');
    glue.on(StartJobRunCommand).resolves({ JobRunId: 'jr_rerun_2' });
    const [first, second] = [operators[0]!, operators[1]!];
    const { confirm: _confirm, ...action } = findElement(root, 'klaxon_rerun_glue');
    const bodies = [first, second].map((who) => interactionBody(blockActionsPayload(root, action, who)));
    await Promise.all(bodies.map((body) => postToSlackEndpoint(h, body)));
    await Promise.all([waitForAudits(h, first.userId, 1), waitForAudits(h, second.userId, 1)]);
    // A later click (a new action_ts): an identical request replayed would be ignored altogether.
    await postToSlackEndpoint(h, interactionBody(blockActionsPayload(root, action, first)));
    await waitForAudits(h, first.userId, 2);

    expect(glue.commandCalls(StartJobRunCommand)).toHaveLength(1);
    expect(h.slack.messages('C0ALERTS')[0]!.replies).toHaveLength(1);
    await h.slack.waitForCalls('chat.postEphemeral', 2);
    const answers = h.slack.ephemerals().map((e) => e.text);
    // The loser of the race may arrive while the winner is still starting the run; the retry sees its id.
    expect(answers).toEqual([expect.stringMatching(/already rerun/), expect.stringMatching(/already rerun/)]);
    expect(answers.some((text) => text.includes('jr_rerun_2'))).toBe(true);
  });

  it.each([
    [
      'ConcurrentRunsExceededException',
      operators[2]!,
      () =>
        new ConcurrentRunsExceededException({
          message: 'Concurrent runs exceeded for ErrJob0',
          $metadata: {},
        }),
      /already running as many times/,
    ],
    [
      'EntityNotFoundException',
      operators[3]!,
      () => new EntityNotFoundException({ message: 'Job not found', $metadata: {} }),
      /was not found/,
    ],
    [
      'ThrottlingException',
      operators[4]!,
      () => new ThrottlingException({ message: 'Rate exceeded', $metadata: {} }),
      /throttling/,
    ],
  ])('turns %s into a clear ephemeral message and releases the lock', async (name, who, error, message) => {
    const jobName = `ErrJob-${name}`;
    const root = await failJob(jobName, 'jr_failed_3');
    glue.on(StartJobRunCommand).rejectsOnce(error()).resolves({ JobRunId: 'jr_after_fix' });

    await clickButton(h, root, 'klaxon_rerun_glue', who);
    await h.slack.waitForCalls('chat.postEphemeral', 1);
    expect(h.slack.ephemerals()[0]!.text).toMatch(message);
    expect(h.slack.messages('C0ALERTS')[0]!.replies).toHaveLength(0);

    await clickButton(h, root, 'klaxon_rerun_glue', who);
    const audits = await waitForAudits(h, who.userId, 2);
    expect(glue.commandCalls(StartJobRunCommand)).toHaveLength(2);
    expect(h.slack.messages('C0ALERTS')[0]!.replies).toHaveLength(1);
    expect(audits.map((a) => a.result)).toEqual(['ok', 'failed']);
  });

  it('answers access denied on GetJobRun without starting anything', async () => {
    const root = await failJob('DeniedJob', 'jr_failed_4');
    glue
      .on(GetJobRunCommand)
      .rejects(
        Object.assign(new Error('not authorized to glue:GetJobRun'), { name: 'AccessDeniedException' }),
      );
    await clickButton(h, root, 'klaxon_rerun_glue', operators[5]!);
    await h.slack.waitForCalls('chat.postEphemeral', 1);
    expect(h.slack.ephemerals()[0]!.text).toMatch(/not allowed to rerun Glue job DeniedJob/);
    expect(await waitForAudits(h, operators[5]!.userId, 1)).toMatchObject([{ result: 'failed' }]);
    expect(glue.commandCalls(StartJobRunCommand)).toHaveLength(0);
  });
});
