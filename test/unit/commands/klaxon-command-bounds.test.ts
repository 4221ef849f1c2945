import { describe, expect, it } from 'vitest';
import { acknowledgeKlaxonCommand } from '../../../src/core/commands/acknowledge-command.ts';
import { maxCommandTextLength, parseKlaxonCommand } from '../../../src/core/commands/parse-klaxon-command.ts';
import { renderRunning } from '../../../src/render/command-replies.ts';

const options = { now: new Date('2024-05-20T12:00:00Z') };
const huge = `logs /aws/lambda/x "${'fields @message | '.repeat(1200)}"`;

describe('/klaxon bounds what it reads and what it echoes', () => {
  it('refuses a 20 KB command with a short, clear error', () => {
    expect(huge.length).toBeGreaterThan(20_000);
    const parsed = parseKlaxonCommand(huge, options);
    expect(parsed).toMatchObject({
      kind: 'usage-error',
      message: `The command is too long: ${huge.length} characters, at most ${maxCommandTextLength}.`,
    });
    const reply = acknowledgeKlaxonCommand('/klaxon', huge, options);
    expect(reply.dispatch).toBe(false);
    expect(JSON.stringify(reply.message).length).toBeLessThan(1000);
  });

  it.each([
    ['an unknown subcommand', `x${'y'.repeat(1500)}`],
    ['an unexpected argument', `alerts ${'z'.repeat(1500)}`],
    ['an unknown log group', `logs ${'g'.repeat(1500)}`],
    ['a bad limit', `trail limit=${'9'.repeat(1500)}`],
  ])('echoes only a bounded prefix of %s', (_case, text) => {
    const parsed = parseKlaxonCommand(text, options);
    expect(parsed.kind).toBe('usage-error');
    const message = (parsed as { message: string }).message;
    expect(message.length).toBeLessThanOrEqual(200);
    expect(message).toContain('…');
  });

  it('bounds the "Running…" fallback text as well as its block', () => {
    const running = renderRunning('/klaxon', `logs etl "${'a'.repeat(1900)}"`);
    expect(running.text.length).toBeLessThanOrEqual(320);
  });
});
