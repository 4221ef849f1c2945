import { describe, expect, it } from 'vitest';
import { pollWithDeadline } from '../../../src/util/poll-with-deadline.ts';
import { type SandboxMessage as Message, useSandboxServer } from './sandbox-kit.ts';

const { call, state } = useSandboxServer('sandbox-enrich');

async function fire(sample: string): Promise<void> {
  expect((await call('fire', { sample })).status).toBe(200);
}

/** The thread of the root whose text starts with `start`, once `done` accepts it. */
async function threadOf(start: string, done: (replies: Message[]) => boolean): Promise<Message[]> {
  const read = async () => {
    const roots = (await state()).channels.flatMap((channel) => channel.messages);
    return roots.find((root) => root.text.includes(start))?.replies ?? [];
  };
  return (await pollWithDeadline(read, (r): r is Message[] => done(r), { timeoutMs: 15_000 })) ?? read();
}

const textsOf = (replies: Message[]) => replies.filter((reply) => !reply.files?.length).map((r) => r.text);

describe('the sandbox enriches its alerts from documented samples, each labelled as a sample', () => {
  it('puts the graph (a real PNG, shown on the page) and the recent changes in the alarm thread', async () => {
    await fire('alarm');
    const replies = await threadOf('Firing: EC2-CPU', (found) => found.length >= 2);
    const graph = replies.flatMap((reply) => reply.files ?? [])[0];
    expect(graph?.mimetype).toBe('image/png');
    expect(String(graph?.title)).toMatch(/^\[sample\] EC2-CPU/);
    expect(String(graph?.alt_txt)).toMatch(/^Sample graph, not your account's data/);
    const png = Buffer.from(String(graph?.sandbox_preview).replace('data:image/png;base64,', ''), 'base64');
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(600);
    expect(textsOf(replies)).toEqual([expect.stringMatching(/^\[sample\] Changes in the hour before/)]);
    expect(JSON.stringify(replies)).toContain('StartInstances (ec2.amazonaws.com) by [sample] Mateo');
  });

  it.each([
    ['glue-failed', 'MyJob', '[sample] Glue run', '[sample] ERROR [main] glue.ProcessLauncher'],
    ['emr-step-failed', 'CustomJAR', '[sample] EMR step', '[sample] Exception in thread'],
    [
      'alarm-composite',
      'test_node_monitor',
      '[sample] Child alarms now',
      'metric_emitting_node_failure: ALARM',
    ],
    [
      'alarm-log-metric',
      'Firing: if-sim-app_427809481713_us-east-1-metric',
      '[sample] Newest log lines',
      '[sample] ERROR Event 3',
    ],
  ])('%s: a lookup reply titled as a sample', async (sample, root, title, line) => {
    await fire(sample);
    const replies = await threadOf(root, (found) => textsOf(found).some((text) => text.startsWith(title)));
    const texts = textsOf(replies);
    expect(texts.some((text) => text.startsWith(title))).toBe(true);
    expect(JSON.stringify(replies)).toContain(line);
    expect(texts.every((text) => text.startsWith('[sample] '))).toBe(true);
  });
});
