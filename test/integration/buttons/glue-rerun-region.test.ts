import { GetJobRunCommand, GlueClient, StartJobRunCommand } from '@aws-sdk/client-glue';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { glueFailedRun } from '../../helpers/aws-responses.ts';
import { testTopicArn, useHarness } from '../../helpers/klaxon-harness.ts';
import { clickButton, glueFailure, mallory, waitForAudits } from './slack-requests.ts';

const glue = mockClient(GlueClient);
const operator = { userId: 'U0REGIONOPS', userName: 'regionops' };
const h = useHarness({ permissions: { rerun: { users: [operator.userId] } } });
beforeEach(() => glue.reset());

describe('Rerun of a Glue job in another region than Klaxon’s', () => {
  it('asks Glue in the region of the event (the fixture’s us-west-2), not the default client’s', async () => {
    // Prepare: the harness's default clients are in us-east-1; the event says us-west-2.
    await h.postSns(h.signer.notification(testTopicArn, glueFailure('WestJob', 'jr_west_1')));
    glue.on(GetJobRunCommand).resolves({ JobRun: glueFailedRun({ JobName: 'WestJob', Id: 'jr_west_1' }) });
    glue.on(StartJobRunCommand).resolves({ JobRunId: 'jr_west_2' });

    // Act
    await clickButton(h, h.slack.messages('C0ALERTS')[0]!, 'klaxon_rerun_glue', operator);
    await waitForAudits(h, operator.userId, 1);

    // Assess
    const [getRun] = glue.commandCalls(GetJobRunCommand);
    const [start] = glue.commandCalls(StartJobRunCommand);
    expect(await (getRun!.thisValue as GlueClient).config.region()).toBe('us-west-2');
    expect(await (start!.thisValue as GlueClient).config.region()).toBe('us-west-2');
  });

  it('tells a refused clicker which setting grants the rerun', async () => {
    await h.postSns(h.signer.notification(testTopicArn, glueFailure('GrantJob', 'jr_grant_1')));

    await clickButton(h, h.slack.messages('C0ALERTS')[0]!, 'klaxon_rerun_glue', mallory);
    await h.slack.waitForCalls('chat.postEphemeral', 1);

    expect(h.slack.ephemerals()[0]!.text).toContain('permissions.rerun.users');
    expect(glue.commandCalls(StartJobRunCommand)).toHaveLength(0);
  });
});
