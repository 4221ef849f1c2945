import { describe, expect, it } from 'vitest';
import { pollWithDeadline } from '../../../src/util/poll-with-deadline.ts';
import { useSandboxServer } from './sandbox-kit.ts';

const { call, state } = useSandboxServer('sandbox-reminders');

const roots = async () => (await state()).channels.flatMap((channel) => channel.messages);
const eventually = <T>(read: () => Promise<T | undefined>) =>
  pollWithDeadline(read, (value): value is T => value !== undefined, { timeoutMs: 10_000 });

describe('the sandbox shows reminders and silences', () => {
  it('reminds about an unacknowledged alarm when the clock moves five minutes', async () => {
    expect((await call('fire', { sample: 'alarm' })).status).toBe(200);
    await eventually(async () => (await roots()).find((m) => m.text.includes('EC2-CPU')));

    expect((await call('clock', { advanceMinutes: 5 })).status).toBe(200);

    const reminder = await eventually(async () => {
      const root = (await roots()).find((m) => m.text.includes('EC2-CPU'));
      return root?.replies.find((reply) => reply.text.includes('Not acknowledged after 5 min'));
    });
    expect(reminder?.text).toContain('<!here>');
    expect(reminder?.text).toContain('(level 1 of 2)');
  });

  it('holds back a matching sample while a silence made by command lasts, and lists it with Expire', async () => {
    const silence = 'silence source=glue name=MyJob for=1h reason=sandbox demo';
    expect((await call('command', { channel: 'C0ALERTS', text: silence })).status).toBe(200);
    await eventually(async () =>
      (await roots()).find((m) => JSON.stringify(m).includes('MyJob') && /silence/i.test(m.text)),
    );

    const fired = await call('fire', { sample: 'glue-failed' });

    expect(fired.body).toMatchObject({ body: { outcome: 'silenced' } });
    expect((await roots()).filter((m) => m.text.includes('MyJob') && !/silence/i.test(m.text))).toEqual([]);

    const before = (await state()).ephemerals.length;
    await call('command', { channel: 'C0ALERTS', text: 'silences' });
    const list = await eventually(async () =>
      (await state()).ephemerals.slice(before).find((e) => JSON.stringify(e.blocks).includes('Expire')),
    );
    const blockIndex = list!.blocks!.findIndex((b) => JSON.stringify(b).includes('Expire'));
    const block = list!.blocks![blockIndex]!;
    const element = block.accessory ? 'accessory' : 0;
    const target = { kind: 'ephemeral', channel: list!.channel, messageTs: list!.message_ts };
    expect((await call('action', { target, blockIndex, element })).status).toBe(200);

    await eventually(async () =>
      (await roots()).find((m) => JSON.stringify(m).includes('MyJob') && /ended|expired/i.test(m.text)),
    );
    expect((await call('fire', { sample: 'glue-failed' })).body).toMatchObject({
      body: { outcome: 'new-alert' },
    });
  });
});
