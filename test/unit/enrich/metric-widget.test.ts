import { describe, expect, it } from 'vitest';
import { readAlarmShape } from '../../../src/core/enrich/alarm-trigger.ts';
import { buildMetricWidget } from '../../../src/core/enrich/metric-widget.ts';
import { alertOf } from './fixture-alerts.ts';

function widgetOf(path: string) {
  const alert = alertOf(path);
  const shape = readAlarmShape(alert);
  if (!shape || shape.kind === 'composite') throw new Error('not graphable');
  return buildMetricWidget(alert, shape);
}

describe('buildMetricWidget', () => {
  it('draws a single metric over the last 3 hours at the alarm period, with the threshold as a line', () => {
    // Act
    const widget = widgetOf('cloudwatch/alarm-single-metric.json');

    // Assess
    expect(widget).toMatchObject({
      metrics: [['AWS/EC2', 'CPUUtilization', 'InstanceId', 'i-0f672ea50a80cda4b']],
      stat: 'Average',
      period: 300,
      start: '-PT3H',
      end: 'P0D',
      region: 'ap-northeast-2',
      title: 'EC2-CPU',
      annotations: {
        horizontal: [{ label: 'Threshold', value: 15 }],
        vertical: [{ label: 'ALARM', value: '2021-06-23T08:41:06.622Z' }],
      },
    });
  });

  it('draws the expression of a metric-math alarm and keeps its inputs hidden', () => {
    const widget = widgetOf('cloudwatch/alarm-metric-math.json');
    expect(widget.metrics).toEqual([
      [{ expression: 'm1*1', id: 'e1', label: 'Expression1' }],
      [
        'AWS/EC2',
        'NetworkOut',
        'InstanceId',
        'TestInstance',
        { id: 'm1', stat: 'Average', period: 60, visible: false },
      ],
    ]);
    expect(widget.period).toBe(60);
    expect(widget.annotations.horizontal).toEqual([{ label: 'Threshold', value: 0 }]);
  });

  it('draws the anomaly detection band, with no threshold line', () => {
    const widget = widgetOf('cloudwatch/alarm-anomaly-detection-ok.json');
    expect(widget.metrics).toEqual([
      [
        'ContainerInsights',
        'pod_cpu_utilization',
        'ClusterName',
        'cloudone-dev-v1-eks-cluster',
        { id: 'm1', stat: 'Average', period: 60 },
      ],
      [
        {
          expression: 'ANOMALY_DETECTION_BAND(m1, 0.592)',
          id: 'ad1',
          label: 'pod_cpu_utilization (expected)',
        },
      ],
    ]);
    expect(widget.annotations.horizontal).toEqual([]);
    expect(widget.annotations.vertical).toEqual([{ label: 'OK', value: '2021-06-27T13:53:39.351Z' }]);
  });

  it('reads the threshold of the EventBridge form from the state reason data', () => {
    const widget = widgetOf('eventbridge/alarm-state-change-single-metric.json');
    expect(widget.metrics).toEqual([['AWS/EC2', 'CPUUtilization', 'InstanceId', 'i-12345678901234567']]);
    expect(widget.annotations.horizontal).toEqual([{ label: 'Threshold', value: 50 }]);
  });
});
