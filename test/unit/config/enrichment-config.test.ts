import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../../src/config/load-config.ts';
import { routeAlert } from '../../../src/config/route-alert.ts';
import { alertOf } from '../enrich/fixture-alerts.ts';

describe('enrichment configuration', () => {
  it('defaults to every enrichment on with an 8 second budget', () => {
    expect(parseConfig({}, 'test').enrichment).toEqual({ enabled: {}, timeoutSeconds: 8 });
  });

  it("gives a route's switches to the alerts it routes", () => {
    const config = parseConfig(
      {
        enrichment: { enabled: { 'log-lines': false }, timeoutSeconds: 3 },
        routes: [{ match: { name: 'EC2-*' }, channel: 'C0EC2', enrich: { 'metric-graph': false } }],
      },
      'test',
    );
    const route = routeAlert(alertOf('cloudwatch/alarm-single-metric.json'), config);
    expect(route.enrich).toEqual({ 'metric-graph': false });
    expect(config.enrichment).toEqual({ enabled: { 'log-lines': false }, timeoutSeconds: 3 });
  });

  it('refuses an enrichment it does not know, and a budget past a minute', () => {
    const unknown = { routes: [{ channel: 'C0X', enrich: { 'metric-grpah': false } }] };
    expect(() => parseConfig(unknown, 'klaxon.yaml')).toThrow(ConfigError);
    expect(() => parseConfig({ enrichment: { timeoutSeconds: 120 } }, 'klaxon.yaml')).toThrow(ConfigError);
  });
});
