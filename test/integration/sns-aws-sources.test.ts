import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { alertIdOf } from '../../src/model/alert.ts';
import { testTopicArn, useHarness } from '../helpers/klaxon-harness.ts';

const h = useHarness();

/** JSON.parse's own `any`: tests change a field of the fixture here and there. */
const fixture = (name: string) => JSON.parse(readFileSync(`test/fixtures/eventbridge/${name}.json`, 'utf8'));
const send = (event: unknown) => h.postSns(h.signer.notification(testTopicArn, event));
const headerOf = (message: { blocks?: unknown[] }) => JSON.stringify(message.blocks?.[0] ?? {});

describe('GuardDuty findings through the real server', () => {
  it('raises a finding with its severity band, and threads a later event with a higher count', async () => {
    const event = fixture('guardduty-ec2');
    const first = await send(event);
    const again = await send({
      ...event,
      detail: { ...event.detail, service: { ...event.detail.service, count: 3 } },
    });

    expect(first).toMatchObject({ status: 200, body: { outcome: 'new-alert' } });
    expect(again.status).toBe(200);
    const [root, ...others] = h.slack.messages('C0ALERTS').filter((m) => m.subtype !== 'thread_broadcast');
    expect(others).toHaveLength(0);
    expect(headerOf(root!)).toContain('Canary:EC2/Stateless.IntegTest');
    expect(JSON.stringify(root!.blocks)).toContain('Medium (5)');
    expect(root!.replies).toHaveLength(1);
    const { record } = await h.store.alerts.loadAlert(
      alertIdOf('guardduty:123456789012:us-east-1:16afba5c5c43e07c9e3e5e2e544e95df'),
    );
    expect(record).toMatchObject({ status: 'open' });
  });

  it('says a sample finding is a sample in the posted title', async () => {
    await send(fixture('guardduty-iam'));

    const [root] = h.slack.messages('C0ALERTS');
    expect(headerOf(root!)).toContain('[Sample]');
  });
});

describe('Security Hub findings through the real server', () => {
  it('raises a NEW finding and resolves it when the finding is archived', async () => {
    const raised = await send(fixture('securityhub-cis-4.1-failed'));
    const archived = await send(fixture('securityhub-cis-4.1-archived'));

    expect(raised).toMatchObject({ status: 200, body: { outcome: 'new-alert' } });
    expect(archived).toMatchObject({ status: 200, body: { outcome: 'recovered' } });
    const [root, ...others] = h.slack.messages('C0ALERTS');
    expect(others).toHaveLength(0);
    expect(headerOf(root!)).toContain('4.1 Ensure no security groups allow ingress');
    expect(JSON.stringify(root!.blocks)).toMatch(/resolved/i);
  });

  it('resolves on a SUPPRESSED workflow', async () => {
    const event = fixture('securityhub-cis-4.1-label-disagrees');
    const [finding] = event.detail.findings;
    const fresh = { ...finding, Id: `${finding.Id}-suppressed` };
    await send({ ...event, detail: { findings: [fresh] } });
    const result = await send({
      ...event,
      detail: { findings: [{ ...fresh, Workflow: { Status: 'SUPPRESSED' } }] },
    });

    expect(result.body.outcome).toBe('recovered');
    // The label's disagreement is a detail now (behind Details); the root says the workflow's state.
    expect(JSON.stringify(h.slack.messages('C0ALERTS')[0]!.blocks)).toContain('`SUPPRESSED`');
  });
});

describe('AWS Health events through the real server', () => {
  it('raises an open issue and resolves it when the same event comes back with an end time', async () => {
    const raised = await send(fixture('health-ec2-drive-degraded'));
    const ended = await send(fixture('health-ec2-drive-degraded-ended'));

    expect(raised).toMatchObject({ status: 200, body: { outcome: 'new-alert' } });
    expect(ended).toMatchObject({ status: 200, body: { outcome: 'recovered' } });
    const [root, ...others] = h.slack.messages('C0ALERTS');
    expect(others).toHaveLength(0);
    expect(headerOf(root!)).toContain('AWS Health: EC2 instance store drive performance degraded');
    expect(JSON.stringify(root!.blocks)).toMatch(/resolved/i);
  });
});

describe('AWS Backup jobs through the real server', () => {
  it('raises a failed job and resolves it when a job for the same plan and resource completes', async () => {
    const failed = await send(fixture('backup-job-failed'));
    const completed = await send(fixture('backup-job-completed'));

    expect(failed).toMatchObject({ status: 200, body: { outcome: 'new-alert' } });
    expect(completed).toMatchObject({ status: 200, body: { outcome: 'recovered' } });
    const [root, ...others] = h.slack.messages('C0ALERTS');
    expect(others).toHaveLength(0);
    expect(headerOf(root!)).toContain('AWS Backup of type resource-id');
    expect(root!.replies.map((reply) => JSON.stringify(reply))).toEqual(
      expect.arrayContaining([expect.stringMatching(/COMPLETED/)]),
    );
    expect(JSON.stringify(root!.blocks)).toMatch(/resolved/i);
  });
});

describe('CloudTrail events through the real server', () => {
  it('posts a failed console sign-in as a firing alert a person resolves', async () => {
    const result = await send(fixture('cloudtrail-console-sign-in-failed'));

    expect(result).toMatchObject({ status: 200, body: { outcome: 'new-alert' } });
    const [root] = h.slack.messages('C0ALERTS');
    expect(headerOf(root!)).toContain('Failed console sign-in: IAMUser anaya');
    expect(JSON.stringify(root!.blocks)).toContain('Resolve');
  });

  it('posts an API call too: the rule that routed it here meant it to be seen', async () => {
    const result = await send(fixture('cloudtrail-api-call-create-bucket'));

    expect(result).toMatchObject({ status: 200, body: { outcome: 'new-alert' } });
    expect(headerOf(h.slack.messages('C0ALERTS')[0]!)).toContain('s3 CreateBucket by Root');
  });
});

describe('EMR clusters through the real server', () => {
  it('raises a cluster terminated with errors, with a Resolve button (no event ever resolves it)', async () => {
    const result = await send(fixture('emr-cluster-terminated-with-errors'));

    expect(result).toMatchObject({ status: 200, body: { outcome: 'new-alert' } });
    const [root] = h.slack.messages('C0ALERTS');
    expect(headerOf(root!)).toContain('EMR cluster Development Cluster (j-123456789ABCD)');
    expect(JSON.stringify(root!.blocks)).toContain('STEP_FAILURE');
    expect(JSON.stringify(root!.blocks)).toContain('Resolve');
  });
});

describe('Glue delayed runs through the real server', () => {
  it('warns of a run past its notify delay and resolves when the run succeeds', async () => {
    const delayed = fixture('glue-job-run-status-running');
    const succeeded = fixture('glue-job-succeeded');
    const sameRun = {
      ...succeeded,
      region: delayed.region,
      detail: { ...succeeded.detail, jobRunId: delayed.detail.jobRunId },
    };

    const raised = await send(delayed);
    const resolved = await send(sameRun);

    expect(raised).toMatchObject({ status: 200, body: { outcome: 'new-alert' } });
    expect(resolved).toMatchObject({ status: 200, body: { outcome: 'recovered' } });
    const [root, ...others] = h.slack.messages('C0ALERTS');
    expect(others).toHaveLength(0);
    expect(JSON.stringify(root!.blocks)).toMatch(/resolved/i);
  });
});

describe('the generic fallback through the real server', () => {
  it('titles a JSON message from its own fields, never with its opening brace', async () => {
    const payload = { title: 'Nightly export failed', status: 'FAILED', detail: { rows: 0 } };

    const result = await send(payload);

    expect(result).toMatchObject({ status: 200, body: { outcome: 'new-alert' } });
    const [root] = h.slack.messages('C0ALERTS');
    expect(headerOf(root!)).toContain('Nightly export failed');
    // The severity emoji, then the title: never the JSON's opening brace.
    expect(headerOf(root!)).not.toMatch(/"text":"\S+ \{/);
    expect(JSON.stringify(root!.blocks)).toContain('Status: FAILED');
  });
});
