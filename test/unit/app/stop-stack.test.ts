import { describe, expect, it } from 'vitest';
import { createStopStack } from '../../../src/app/stop-stack.ts';

describe('createStopStack', () => {
  it('stops in reverse order, keeps going past a failing stop, and stops each once', async () => {
    const stopped: string[] = [];
    const errors: unknown[] = [];
    const stack = createStopStack((error) => errors.push(error));
    stack.defer(() => stopped.push('store'));
    stack.defer(async () => {
      throw new Error('slack stand-in stuck');
    });
    stack.defer(async () => stopped.push('server'));
    await stack.stopAll();
    await stack.stopAll();
    expect(stopped).toEqual(['server', 'store']);
    expect(errors).toHaveLength(1);
  });
});
