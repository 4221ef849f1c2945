import { GetMetricWidgetImageCommand } from '@aws-sdk/client-cloudwatch';
import type { AwsClients } from '../../aws/aws-clients.ts';
import type { Enricher } from '../../model/enrichment.ts';
import { readAlarmShape } from './alarm-trigger.ts';
import { reasonOf } from './look-up-enrichment.ts';
import { buildMetricWidget } from './metric-widget.ts';

/**
 * The alarm's graph from GetMetricWidgetImage (PNG bytes), to be uploaded into the thread. Works for single
 * metric, metric math and anomaly detection alarms; a composite has no graph of its own.
 */
export const lookUpMetricGraph: Enricher<Pick<AwsClients, 'cloudWatch'>> = async (
  alert,
  clients,
  context,
) => {
  const shape = readAlarmShape(alert);
  if (!shape || shape.kind === 'composite') return { kind: 'none' };
  const widget = buildMetricWidget(alert, shape);
  try {
    const answer = await clients.cloudWatch.send(
      new GetMetricWidgetImageCommand({ MetricWidget: JSON.stringify(widget), OutputFormat: 'png' }),
      { abortSignal: context.signal },
    );
    const png = answer.MetricWidgetImage;
    if (!png || png.byteLength === 0) return { kind: 'unavailable', what: 'graph', reason: 'empty image' };
    return {
      kind: 'image',
      title: `${alert.name}: the last 3 hours`,
      altText: `Graph of ${alert.resource ?? alert.name} over the last 3 hours, ${alert.stateLabel} marked`,
      fileName: `${fileNameOf(alert.name)}.png`,
      png,
    };
  } catch (error) {
    return { kind: 'unavailable', what: 'graph', reason: reasonOf(error) };
  }
};

function fileNameOf(name: string): string {
  return name.replace(/[^\w.-]+/g, '-').slice(0, 80) || 'alarm';
}
