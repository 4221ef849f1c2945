import {
  ConcurrentRunsExceededException,
  EntityNotFoundException,
  GetJobRunCommand,
  GlueClient,
  StartJobRunCommand,
  ThrottlingException,
} from '@aws-sdk/client-glue';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { rerunFailedGlueJob } from '../../../src/core/buttons/rerun-glue-job.ts';
import { interactionBody } from '../../../src/sandbox/sign-slack-request.ts';
import { pollWithDeadline } from '../../../src/util/poll-with-deadline.ts';
import { glueFailedRun } from '../../helpers/aws-responses.ts';
import { testTopicArn, useHarness } from '../../helpers/klaxon-harness.ts';
import {
  blockActionsPayload,
  clickButton,
  findElement,
  glueFailure,
  glueSucceeded,
  postToSlackEndpoint,
  storeCallsUntilCompletion,
  waitForAudits,
} from './slack-requests.ts';

const glue = mockClient(GlueClient);
const operator = { userId: 'U0OPERATOR', userName: 'operator' };
/** Each test clicks as its own operators, so counting their audit records tells when their clicks are done. */
const operators = ['U0OPS1', 'U0OPS2', 'U0OPS3', 'U0OPS4', 'U0OPS5', 'U0OPS6'].map((userId) => ({
  userId,
  userName: userId.toLowerCase(),
}));

const clickers = ['U0TRUTH1', 'U0TRUTH2', 'U0TRUTH3', 'U0TRUTH4', 'U0TRUTH5'].map((userId) => ({
  userId,
  userName: userId.toLowerCase(),
}));

const stuckClicker = { userId: 'U0STUCK', userName: 'stuck' };

const h = useHarness({
  permissions: {
    rerun: { users: [operator.userId, ...[...operators, ...clickers, stuckClicker].map((o) => o.userId)] },
  },
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

    const calls = await storeCallsUntilCompletion(h, () =>
      clickButton(h, root, 'klaxon_rerun_glue', operator),
    );
    // The alert is read once: the change after StartJobRun commits on that read (a conflict reads again).
    expect(calls.filter((call) => call === 'BatchGetItemCommand')).toHaveLength(1);
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

  it('tells five concurrent clickers the truth when the first attempt fails: one run, nobody told of a phantom', async () => {
    const root = await failJob('TruthJob', 'jr_failed_truth');
    // The first StartJobRun fails only once every click has reached the lock, so four clicks find it held.
    const claims = vi.spyOn(h.store.rerunLocks, 'claimRerun');
    glue
      .on(StartJobRunCommand)
      .callsFakeOnce(async () => {
        await pollWithDeadline(
          async () => claims.mock.calls.length,
          (n): n is number => n >= clickers.length,
          { timeoutMs: 20_000, intervalMs: 20 },
        );
        throw new ConcurrentRunsExceededException({ message: 'Concurrent runs exceeded', $metadata: {} });
      })
      .resolves({ JobRunId: 'jr_truth_2' });
    const { confirm: _confirm, ...action } = findElement(root, 'klaxon_rerun_glue');

    await Promise.all(
      clickers.map((who) => postToSlackEndpoint(h, interactionBody(blockActionsPayload(root, action, who)))),
    );
    const audits = (await Promise.all(clickers.map((who) => waitForAudits(h, who.userId, 1)))).flat();
    claims.mockRestore();

    expect(glue.commandCalls(StartJobRunCommand)).toHaveLength(2);
    const details = audits.map((a) => `${a.result}: ${a.detail}`).sort((a, b) => a.localeCompare(b));
    expect(details).toEqual([
      expect.stringMatching(/^failed: concurrent-runs: /),
      'ok: already rerun as jr_truth_2',
      'ok: already rerun as jr_truth_2',
      'ok: already rerun as jr_truth_2',
      'ok: started run jr_truth_2 from failed run jr_failed_truth',
    ]);
    await h.slack.waitForCalls('chat.postEphemeral', 4);
    const told = h.slack.ephemerals().map((e) => e.text);
    expect(told.filter((text) => /already rerun by .*jr_truth_2/.test(text))).toHaveLength(3);
    expect(told.join('\n')).not.toMatch(/is starting/);
  });

  it('says nothing started, audited failed, when the holder is still starting at the deadline', async () => {
    const who = stuckClicker;
    const root = await failJob('StuckJob', 'jr_failed_stuck');
    const alertId = String(findElement(root, 'klaxon_ack').value);
    const holder = {
      jobName: 'StuckJob',
      jobRunId: 'jr_failed_stuck',
      by: operator,
      at: new Date().toISOString(),
    };
    expect(await h.store.rerunLocks.claimRerun(holder)).toEqual({ claimed: true });

    const outcome = await rerunFailedGlueJob(
      h.klaxon.core.listenerDeps,
      { alertId, actor: who, channel: 'C0ALERTS', jobName: 'StuckJob', jobRunId: 'jr_failed_stuck' },
      { holderWaitMs: 0 },
    );

    expect(outcome).toMatchObject({ result: 'failed', detail: expect.stringMatching(/^not started/) });
    expect(glue.commandCalls(StartJobRunCommand)).toHaveLength(0);
    const [audit] = await waitForAudits(h, who.userId, 1);
    expect(audit).toMatchObject({ action: 'rerun', result: 'failed' });
    expect(h.slack.ephemerals()[0]!.text).toMatch(/nothing was started by your click/);
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
