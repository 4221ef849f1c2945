import { describe, expect, it } from 'vitest';
import { pollWithDeadline } from '../../../src/util/poll-with-deadline.ts';
import { type Json, type SandboxMessage as Message, useSandboxServer } from './sandbox-kit.ts';

const { call, state } = useSandboxServer('sandbox-features');

const rootNamed = async (text: string) =>
  (await state()).channels.flatMap((c) => c.messages).find((m) => JSON.stringify(m).includes(text));

/** The sandbox page's click: the element of the root's blocks whose JSON contains `label`. */
async function click(root: Message, label: string, selectedValue?: (element: Json) => string) {
  const blockIndex = root.blocks!.findIndex((b) => JSON.stringify(b).includes(label));
  const elements = (root.blocks![blockIndex]!.elements as Json[]) ?? [];
  const element = elements.findIndex((e) => JSON.stringify(e).includes(label));
  return call('action', {
    target: { kind: 'message', channel: 'C0ALERTS', ts: root.ts },
    blockIndex,
    element,
    ...(selectedValue ? { selectedValue: selectedValue(elements[element]!) } : {}),
  });
}

const eventually = <T>(read: () => Promise<T | undefined>) =>
  pollWithDeadline(read, (value): value is T => value !== undefined, { timeoutMs: 10_000 });

describe('the sandbox shows all of Klaxon', () => {
  it('answers /klaxon logs, trail and athena with documented samples, labelled as samples', async () => {
    for (const text of ['logs /aws/lambda/loader since=1h', 'trail since=2h', 'athena denied since=7d']) {
      expect((await call('command', { channel: 'C0ALERTS', text })).status).toBe(200);
    }
    const answers = await eventually(async () => {
      const found = (await state()).ephemerals.map((e) => JSON.stringify(e));
      return found.filter((e) => e.includes('[sample]')).length >= 3 ? found : undefined;
    });
    expect(answers?.join('\n')).toContain('[sample] Test BENCHMARK 3');
    expect(answers?.join('\n')).not.toContain('No AWS credentials');
  });

  it('answers trail for another region from the samples too, never reaching AWS', async () => {
    const before = (await state()).ephemerals.length;
    expect(
      (await call('command', { channel: 'C0ALERTS', text: 'trail region=eu-west-1 since=1h' })).status,
    ).toBe(200);
    const answer = await eventually(async () =>
      (await state()).ephemerals.slice(before).find((e) => JSON.stringify(e).includes('[sample]')),
    );
    expect(JSON.stringify(answer)).not.toMatch(/credentials/i);
  });

  it('reruns the failed Glue job against the sample Glue', async () => {
    expect((await call('fire', { sample: 'glue-failed' })).status).toBe(200);
    const root = await eventually(() => rootNamed('Rerun Glue job'));

    expect((await click(root!, 'Rerun Glue job')).status).toBe(200);

    const rerun = await eventually(async () => {
      const message = await rootNamed('Rerun Glue job');
      const replies = JSON.stringify(message?.replies ?? []);
      return replies.includes('jr_sample') ? replies : undefined;
    });
    expect(rerun).toBeDefined();
  });

  it('moves the clock an hour forward: a one-hour mute expires at once, with what it silenced', async () => {
    expect((await call('fire', { sample: 'alarm' })).status).toBe(200);
    const root = await eventually(() => rootNamed('EC2-CPU'));
    const oneHour = (select: Json) =>
      String((select.options as Json[]).find((o) => JSON.stringify(o).includes('1 hour'))!.value);
    expect((await click(root!, 'Mute…', oneHour)).status).toBe(200);
    await eventually(async () =>
      JSON.stringify((await rootNamed('EC2-CPU'))?.blocks).includes('Muted by') ? true : undefined,
    );
    expect((await call('fire', { sample: 'alarm-repeat' })).body).toMatchObject({
      body: { outcome: 'muted' },
    });

    const moved = await call('clock', { advanceMinutes: 60 });

    expect(moved.body.clock).toMatchObject({ offsetMs: 3_600_000 });
    const after = await rootNamed('EC2-CPU');
    expect(JSON.stringify(after?.replies)).toContain('Mute expired');
    expect(JSON.stringify(after?.blocks)).not.toContain('Muted by');
    // Signed at the sandbox's time, samples and clicks are still accepted after the move.
    expect((await call('fire', { sample: 'alarm-ok' })).status).toBe(200);
  });

  it("shows a repeat's count on the root at once", async () => {
    expect((await call('fire', { sample: 'alarm' })).status).toBe(200);
    const before = JSON.stringify((await eventually(() => rootNamed('EC2-CPU')))?.blocks);

    expect((await call('fire', { sample: 'alarm-repeat' })).status).toBe(200);

    const redrawn = await eventually(async () => {
      const blocks = JSON.stringify((await rootNamed('EC2-CPU'))?.blocks);
      return blocks !== before ? blocks : undefined;
    });
    expect(redrawn).toBeDefined();
  });
});
