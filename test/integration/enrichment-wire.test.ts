import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lookUpMetricGraph } from '../../src/core/enrich/metric-graph.ts';
import { createTinyPng } from '../helpers/tiny-png.ts';
import { alertOf } from '../unit/enrich/fixture-alerts.ts';

interface Seen {
  target: string | undefined;
  contentType: string | undefined;
  body: Record<string, unknown>;
}

const png = createTinyPng();
const seen: Seen[] = [];
let answer: { status: number; headers: Record<string, string>; body: string };
let server: Server;
let endpoint: string;
let endpointBefore: string | undefined;

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

// A plain HTTP stand-in for CloudWatch, answering GetMetricWidgetImage as its API reference documents it
// (AWS JSON 1.0: the operation in X-Amz-Target, the PNG as a base64 blob).
beforeAll(async () => {
  server = createServer(async (req, res) => {
    const body = await readJson(req);
    seen.push({
      target: req.headers['x-amz-target'] as string,
      contentType: req.headers['content-type'],
      body,
    });
    res.writeHead(answer.status, { 'content-type': 'application/x-amz-json-1.0', ...answer.headers });
    res.end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  endpointBefore = process.env.AWS_ENDPOINT_URL;
  process.env.AWS_ENDPOINT_URL = endpoint;
});
afterAll(async () => {
  if (endpointBefore === undefined) delete process.env.AWS_ENDPOINT_URL;
  else process.env.AWS_ENDPOINT_URL = endpointBefore;
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** The real client; the SDK's own AWS_ENDPOINT_URL setting (read when it sends) points it at the stand-in. */
function cloudWatchAtEndpoint(): CloudWatchClient {
  return new CloudWatchClient({
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
  });
}

const context = () => ({ now: new Date(), signal: AbortSignal.timeout(5_000) });

describe('GetMetricWidgetImage on the wire', () => {
  it('sends the widget JSON and reads the PNG back from its base64 blob', async () => {
    answer = {
      status: 200,
      headers: {},
      body: JSON.stringify({ MetricWidgetImage: Buffer.from(png).toString('base64') }),
    };
    const cloudWatch = cloudWatchAtEndpoint();

    const result = await lookUpMetricGraph(
      alertOf('cloudwatch/alarm-single-metric.json'),
      { cloudWatch },
      context(),
    );

    expect(result.kind).toBe('image');
    expect(result.kind === 'image' && Buffer.from(result.png).equals(Buffer.from(png))).toBe(true);
    const [request] = seen.slice(-1);
    expect(request?.target).toBe('GraniteServiceVersion20100801.GetMetricWidgetImage');
    expect(request?.contentType).toBe('application/x-amz-json-1.0');
    expect(request?.body.OutputFormat).toBe('png');
    expect(JSON.parse(String(request?.body.MetricWidget))).toMatchObject({ period: 300, start: '-PT3H' });
  });

  it('reads an AWS error answer as one quiet line', async () => {
    answer = {
      status: 400,
      headers: { 'x-amzn-query-error': 'AccessDenied;Sender' },
      body: JSON.stringify({
        __type: 'com.amazon.coral.service#AccessDeniedException',
        message: 'not authorized',
      }),
    };
    const cloudWatch = cloudWatchAtEndpoint();

    const result = await lookUpMetricGraph(
      alertOf('cloudwatch/alarm-single-metric.json'),
      { cloudWatch },
      context(),
    );

    expect(result).toEqual({ kind: 'unavailable', what: 'graph', reason: 'AccessDenied' });
  });
});
