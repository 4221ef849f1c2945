import { describe, expect, it } from 'vitest';
import { testTopicArn, useHarness } from '../helpers/klaxon-harness.ts';

const h = useHarness();

/** JSON text nested `depth` levels deep, built without recursion. */
function nestedJsonText(depth: number): string {
  let text = '"bottom"';
  for (let level = 0; level < depth; level++) text = `{"level":${text}}`;
  return text;
}

describe('a signed notification nested 10,000 levels deep', () => {
  it('is posted to Slack with a bounded preview, not lost', async () => {
    const message = h.signer.notification(testTopicArn, nestedJsonText(10_000), { subject: 'Deep app' });
    const result = await h.postSns(message);
    expect(result.status).toBe(200);
    const posted = h.slack.messages('C0ALERTS');
    expect(posted).toHaveLength(1);
    expect(JSON.stringify(posted[0]).length).toBeLessThan(40_000);
  });
});
