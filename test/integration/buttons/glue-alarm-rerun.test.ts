import {
  GetJobRunCommand,
  GetJobRunsCommand,
  GlueClient,
  type JobRun,
  StartJobRunCommand,
} from '@aws-sdk/client-glue';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { interactionBody } from '../../../src/sandbox/sign-slack-request.ts';
import { useHarness } from '../../helpers/klaxon-harness.ts';
import {
  blockActionsPayload,
  clickButton,
  findElement,
  fireAlarm,
  postToSlackEndpoint,
  rootOf,
  waitForAudits,
} from './slack-requests.ts';

const glue = mockClient(GlueClient);
/** Each test clicks as its own operators, so counting their audit records tells when their clicks are done. */
const operator = (userId: string) => ({ userId, userName: userId.toLowerCase() });
const [ops1, ops2, ops3, ops4, ops5, ops6] = [
  operator('U0MAP1'),
  operator('U0MAP2'),
  operator('U0MAP3'),
  operator('U0MAP4'),
  operator('U0MAP5'),
  operator('U0MAP6'),
];

/** A GetJobRuns/GetJobRun run shaped like awscli/examples/glue/get-job-run.rst. */
function jobRun(jobName: string, Id: string, JobRunState: JobRun['JobRunState'], minute: number): JobRun {
  return {
    Id,
    Attempt: 0,
    JobName: jobName,
    StartedOn: new Date(Date.UTC(2026, 10, 25, 2, minute)),
    JobRunState,
    Arguments: { '--day': '2026-11-25', '--run': Id },
    Timeout: 2880,
    WorkerType: 'G.1X',
    NumberOfWorkers: 10,
    GlueVersion: '4.0',
  };
}

/** Newest first, as GetJobRuns documents: a success, then the failure to rerun, then an older failure. */
function answerRuns(jobName: string) {
  const failed = jobRun(jobName, 'jr_failed_new', 'FAILED', 20);
  glue.on(GetJobRunsCommand, { JobName: jobName }).resolves({
    JobRuns: [
      jobRun(jobName, 'jr_stopped', 'STOPPED', 30),
      failed,
      jobRun(jobName, 'jr_failed_old', 'TIMEOUT', 10),
    ],
  });
  glue.on(GetJobRunCommand, { JobName: jobName, RunId: 'jr_failed_new' }).resolves({ JobRun: failed });
  return failed;
}

const h = useHarness({
  glue: {
    alarmJobs: {
      'ETL-Errors': 'NightlyLoad',
      'ETL-Race': 'RaceLoad',
      'ETL-Quiet': 'QuietLoad',
      'ETL-Busy': 'BusyLoad',
      'ETL-Done': 'DoneLoad',
    },
  },
  permissions: { rerun: { users: [ops1, ops2, ops3, ops4, ops5, ops6].map((o) => o.userId) } },
});
beforeEach(() => glue.reset());

describe('Rerun from an alarm the configuration maps to a Glue job', () => {
  it('offers Rerun on mapped alarms only, and starts the latest failed run with its arguments', async () => {
    const unmapped = await fireAlarm(h, 'Unmapped-CPU');
    expect(() => findElement(unmapped, 'klaxon_rerun_glue')).toThrow();
    const root = await fireAlarm(h, 'ETL-Errors');
    expect(findElement(root, 'klaxon_rerun_glue')).toHaveProperty('confirm.confirm.text', 'Rerun');
    const failed = answerRuns('NightlyLoad');
    glue.on(StartJobRunCommand).resolves({ JobRunId: 'jr_rerun_1' });

    await clickButton(h, root, 'klaxon_rerun_glue', ops1);
    const [audit] = await waitForAudits(h, ops1.userId, 1);

    expect(audit).toMatchObject({ action: 'rerun', result: 'ok', params: { jobName: 'NightlyLoad' } });
    expect(audit!.detail).toContain('jr_failed_new');
    expect(glue.commandCalls(GetJobRunsCommand)[0]!.args[0].input).toMatchObject({ JobName: 'NightlyLoad' });
    expect(glue.commandCalls(GetJobRunCommand)[0]!.args[0].input).toEqual({
      JobName: 'NightlyLoad',
      RunId: 'jr_failed_new',
    });
    const starts = glue.commandCalls(StartJobRunCommand);
    expect(starts).toHaveLength(1);
    expect(starts[0]!.args[0].input).toMatchObject({ JobName: 'NightlyLoad', Arguments: failed.Arguments });
    expect(JSON.stringify(rootOf(h, 'ETL-Errors').replies[0]?.blocks)).toContain('jr_rerun_1');
  });

  it('starts exactly one run for two concurrent clicks', async () => {
    const root = await fireAlarm(h, 'ETL-Race');
    answerRuns('RaceLoad');
    glue.on(StartJobRunCommand).resolves({ JobRunId: 'jr_rerun_race' });
    const { confirm: _confirm, ...action } = findElement(root, 'klaxon_rerun_glue');
    const bodies = [ops2, ops3].map((who) => interactionBody(blockActionsPayload(root, action, who)));

    await Promise.all(bodies.map((body) => postToSlackEndpoint(h, body)));
    const audits = await Promise.all([waitForAudits(h, ops2.userId, 1), waitForAudits(h, ops3.userId, 1)]);

    expect(glue.commandCalls(StartJobRunCommand)).toHaveLength(1);
    expect(audits.flat().map((a) => a.result)).toEqual(['ok', 'ok']);
    expect(audits.flat().filter((a) => a.detail?.startsWith('already rerun'))).toHaveLength(1);
    expect(rootOf(h, 'ETL-Race').replies).toHaveLength(1);
  });

  const nothingToRerun = [
    {
      alarmName: 'ETL-Quiet',
      who: ops4,
      runs: [] as JobRun[],
      ephemeral: /QuietLoad.* has no failed run to rerun: nothing was started/,
      detail: /^no failed run$/,
    },
    {
      alarmName: 'ETL-Busy',
      who: ops5,
      runs: [jobRun('BusyLoad', 'jr_busy', 'RUNNING', 40), jobRun('BusyLoad', 'jr_f', 'FAILED', 20)],
      ephemeral: /^Glue job BusyLoad is running now \(run jr_busy is running\): nothing was started/,
      detail: /^still-running: /,
    },
    {
      alarmName: 'ETL-Done',
      who: ops6,
      runs: [jobRun('DoneLoad', 'jr_ok', 'SUCCEEDED', 40), jobRun('DoneLoad', 'jr_f', 'FAILED', 20)],
      ephemeral:
        /^Glue job DoneLoad's latest run \(jr_ok\) succeeded at 2026-11-25 02:40 UTC: nothing to rerun\.$/,
      detail: /^latest-run-succeeded: /,
    },
  ];

  it.each(nothingToRerun)(
    '$alarmName: tells the person why there is nothing to rerun, audits it, and starts nothing',
    async ({ alarmName, who, runs, ephemeral, detail }) => {
      const root = await fireAlarm(h, alarmName);
      glue.on(GetJobRunsCommand).resolves({ JobRuns: runs });

      await clickButton(h, root, 'klaxon_rerun_glue', who);
      await h.slack.waitForCalls('chat.postEphemeral', 1);

      expect(h.slack.ephemerals()[0]!.text).toMatch(ephemeral);
      const [audit] = await waitForAudits(h, who.userId, 1);
      expect(audit).toMatchObject({ action: 'rerun', result: 'failed' });
      expect(audit!.detail).toMatch(detail);
      expect(glue.commandCalls(GetJobRunCommand)).toHaveLength(0);
      expect(glue.commandCalls(StartJobRunCommand)).toHaveLength(0);
      expect(rootOf(h, alarmName).replies).toHaveLength(0);
    },
  );
});
