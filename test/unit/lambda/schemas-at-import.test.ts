import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';

// Every zod builder the code calls (z.object, z.string …), counted: a cold start should build none of them.
const calls = vi.hoisted(() => ({ names: [] as string[] }));
vi.mock('zod', async (importOriginal) => {
  const real = await importOriginal<Record<string, unknown>>();
  const counted = (name: string, builder: (...args: unknown[]) => unknown) =>
    function (this: unknown, ...args: unknown[]) {
      calls.names.push(name);
      return builder.apply(this, args);
    };
  return Object.fromEntries(
    Object.entries(real).map(([name, value]) =>
      typeof value === 'function' && /^[a-z]/.test(name)
        ? [name, counted(name, value as (...args: unknown[]) => unknown)]
        : [name, value],
    ),
  );
});

const fixture = (path: string) => readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8');

describe('importing a Lambda function builds no zod schema', () => {
  it('the whole SNS path loads without building one; a notification builds only what it reads', async () => {
    // Act: the function's module graph, as a cold start loads it.
    await import('../../../src/lambda/sns-handler.ts');
    const atImport = [...calls.names];
    const { parseSnsNotification } = await import('../../../src/core/parsers/index.ts');
    const alert = parseSnsNotification({
      messageId: 'c1c0ffee-0000-4000-8000-000000000004',
      topicArn: 'arn:aws:sns:us-west-2:123456789012:etl',
      message: fixture('eventbridge/glue-job-failed.json'),
      timestamp: '2017-09-07T06:02:04.000Z',
    });

    // Assess: schema construction is a good part of a cold start's CPU (zod attaches its methods to every
    // schema), so it waits for the request that needs the schema.
    expect(atImport).toEqual([]);
    expect(alert.source).toBe('glue');
    expect(calls.names.length).toBeGreaterThan(0);
  });

  it('the worker and the Slack function load without building one either', async () => {
    const before = calls.names.length;
    await import('../../../src/lambda/worker-handler.ts');
    await import('../../../src/lambda/slack-handler.ts');
    expect(calls.names.slice(before)).toEqual([]);
  });
});
