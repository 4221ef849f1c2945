import { DescribeStepCommand, EMRClient } from '@aws-sdk/client-emr';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { lookupEmrStep } from '../../../../src/aws/enrich/emr-step.ts';
import { emrFailedStep } from '../../../helpers/aws-responses.ts';
import { alertFromFixture } from '../../../helpers/fixture-alerts.ts';

const emr = mockClient(EMRClient);
const clients = () => ({ emr: new EMRClient({ region: 'us-east-1' }) });
const context = (signal = new AbortController().signal) => ({
  now: new Date('2016-12-16T20:55:00Z'),
  signal,
});
/** The second argument of `client.send`, which the mock's typing leaves out. */
const optionsOfCall = (call: { args: unknown[] } | undefined) => call?.args[1];
const failedAlert = () => alertFromFixture('eventbridge/emr-step-failed.json');

beforeEach(() => emr.reset());

describe('lookupEmrStep', () => {
  it("tells EMR's failure reason, message and log file, with links to the step's logs", async () => {
    // Prepare
    emr.on(DescribeStepCommand).resolves(emrFailedStep());

    // Act
    const result = await lookupEmrStep(failedAlert(), clients(), context());

    // Assess
    expect(emr.commandCalls(DescribeStepCommand)[0]?.args[0].input).toEqual({
      ClusterId: 'j-123456789ABCD',
      StepId: 's-ZYXWVUTSRQPON',
    });
    expect(result).toEqual({
      kind: 'lines',
      title: 'EMR step s-ZYXWVUTSRQPON (CustomJAR)',
      lines: [
        'FAILED · on failure: CONTINUE',
        'Reason: Unknown Error',
        'Message: Exception in thread "main" java.lang.RuntimeException: Output path already exists',
        'Log file: s3://aws-logs-123456789012-us-east-1/elasticmapreduce/j-123456789ABCD/steps/s-ZYXWVUTSRQPON/stderr.gz',
      ],
      links: [
        {
          text: "Step's logs",
          url: 'https://s3.console.aws.amazon.com/s3/buckets/aws-logs-123456789012-us-east-1?region=us-east-1&prefix=elasticmapreduce%2Fj-123456789ABCD%2Fsteps%2Fs-ZYXWVUTSRQPON%2F',
        },
        {
          text: 'Cluster steps in the EMR console',
          url: 'https://us-east-1.console.aws.amazon.com/emr/home?region=us-east-1#/clusterDetails/j-123456789ABCD',
        },
      ],
    });
  });

  it('finds the step in the payload as Klaxon stores it (the text AWS sent)', async () => {
    emr.on(DescribeStepCommand).resolves(emrFailedStep());
    const alert = failedAlert();

    const result = await lookupEmrStep({ ...alert, raw: JSON.stringify(alert.raw) }, clients(), context());

    expect(result).toMatchObject({ kind: 'lines', title: 'EMR step s-ZYXWVUTSRQPON (CustomJAR)' });
  });

  it('says so when EMR found no failure details', async () => {
    emr.on(DescribeStepCommand).resolves(emrFailedStep(null));

    const result = await lookupEmrStep(failedAlert(), clients(), context());

    expect(result.kind === 'lines' && result.lines).toEqual([
      'FAILED · on failure: CONTINUE',
      'EMR did not name a reason for the failure.',
    ]);
  });

  it.each(['AccessDeniedException', 'ThrottlingException', 'InvalidRequestException'])(
    'degrades to one quiet line on %s',
    async (name) => {
      emr.on(DescribeStepCommand).rejects(Object.assign(new Error('no'), { name }));

      const result = await lookupEmrStep(failedAlert(), clients(), context());

      expect(result).toEqual({ kind: 'unavailable', what: 'EMR step details', reason: name });
    },
  );

  it('stops waiting when its time budget aborts', async () => {
    const budget = new AbortController();
    emr.on(DescribeStepCommand).callsFake(() => new Promise(() => {}));

    const pending = lookupEmrStep(failedAlert(), clients(), context(budget.signal));
    budget.abort();

    expect(await pending).toEqual({ kind: 'unavailable', what: 'EMR step details', reason: 'timed out' });
    expect(optionsOfCall(emr.commandCalls(DescribeStepCommand)[0])).toEqual({ abortSignal: budget.signal });
  });

  it('says nothing for a completed step or an alert that is not about EMR', async () => {
    const completed = alertFromFixture('eventbridge/emr-step-completed.json');
    const glue = alertFromFixture('eventbridge/glue-job-failed.json');

    expect(await lookupEmrStep(completed, clients(), context())).toEqual({ kind: 'none' });
    expect(await lookupEmrStep(glue, clients(), context())).toEqual({ kind: 'none' });
    expect(emr.calls()).toHaveLength(0);
  });
});
