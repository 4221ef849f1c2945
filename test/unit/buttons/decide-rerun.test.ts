import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config/load-config.ts';
import { decideRerunStarted, isRerunAllowedFor } from '../../../src/core/buttons/decide-rerun.ts';
import type { AlertChange } from '../../../src/model/alert-change.ts';
import { alice, sampleRecord, t0 } from './sample-record.ts';

const glueRecord = sampleRecord({
  alert: {
    ...sampleRecord().alert,
    source: 'glue',
    name: 'nightly-load',
    glueRun: { jobName: 'nightly-load', jobRunId: 'jr_1' },
  },
});

describe('decideRerunStarted', () => {
  it('records the new run once and replies with it', () => {
    const rerun = { by: alice, jobName: 'nightly-load', jobRunId: 'jr_2' };
    const change = decideRerunStarted({ record: glueRecord }, rerun, t0);
    expect(change?.next.reruns).toEqual([
      { ...alice, jobName: 'nightly-load', jobRunId: 'jr_2', at: t0.toISOString() },
    ]);
    expect(repliesOf(change)[0]).toMatchObject({ kind: 'rerun-started', jobRunId: 'jr_2' });
    expect(decideRerunStarted({ record: change!.next }, rerun, t0)).toBeUndefined();
  });
});

describe('isRerunAllowedFor', () => {
  const config = parseConfig({ glue: { alarmJobs: { 'ETL-Errors': 'nightly-load' } } }, 'test');

  it('allows the failed job itself and a job the configuration maps the alarm to', () => {
    expect(isRerunAllowedFor(glueRecord, 'nightly-load', config)).toBe(true);
    const alarm = sampleRecord({
      alert: { ...sampleRecord().alert, source: 'cloudwatch-alarm', name: 'ETL-Errors' },
    });
    expect(isRerunAllowedFor(alarm, 'nightly-load', config)).toBe(true);
  });

  it('refuses any other job', () => {
    expect(isRerunAllowedFor(glueRecord, 'drop-tables', config)).toBe(false);
    expect(isRerunAllowedFor(sampleRecord(), 'nightly-load', config)).toBe(false);
  });

  it('lets only a CloudWatch alarm borrow the mapping, and never the prototype of the map', () => {
    const generic = sampleRecord({
      alert: { ...sampleRecord().alert, source: 'generic', name: 'ETL-Errors' },
    });
    const proto = sampleRecord({
      alert: { ...sampleRecord().alert, source: 'cloudwatch-alarm', name: 'toString' },
    });
    expect(isRerunAllowedFor(generic, 'nightly-load', config)).toBe(false);
    expect(isRerunAllowedFor(proto, 'function toString() { [native code] }', config)).toBe(false);
  });
});

/** The thread replies a change owes, in order (its steps also redraw the root). */
function repliesOf(change: AlertChange | undefined) {
  return (change?.steps ?? []).flatMap((step) => (step.kind === 'reply' ? [step.reply] : []));
}
