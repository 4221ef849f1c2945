import { describe, expect, it } from 'vitest';
import { renderAppHome } from '../../../src/render/app-home.ts';
import { renderOpenAlerts } from '../../../src/render/open-alerts.ts';
import { sampleRecord, t0 } from '../buttons/sample-record.ts';
import { buildAlert } from './sample-views.ts';

/** A low Macie finding, whose state AWS spells as its severity ("Low"). */
const lowFinding = () => {
  const alert = { ...buildAlert('macie'), severity: 'low' as const, stateLabel: 'Low' };
  return sampleRecord({ alert, lastStateLabel: 'Low' });
};

describe('open alerts in a list', () => {
  it('are coloured by severity, as their messages are, and say a severity once', () => {
    const list = JSON.stringify(renderOpenAlerts([lowFinding()], t0).blocks);
    const home = JSON.stringify(
      renderAppHome({ openAlerts: [lowFinding()], activeMutes: [], recentActions: [], now: t0 }).blocks,
    );

    expect(list).toContain('🔵');
    expect(list).not.toContain('🔴');
    expect(list).not.toMatch(/Low · Low/);
    expect(home).toContain('🔵');
    expect(home).not.toContain('🔴');
  });
});
