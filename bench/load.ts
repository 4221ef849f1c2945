import { Agent, request } from 'node:http';

export interface Delivery {
  status: number;
  outcome: string;
  latencyUs: number;
}

/** POSTs bodies as SNS does (text/plain JSON), over kept-alive loopback sockets; lighter than fetch. */
export function createSender(baseUrl: string, maxSockets: number, path = '/sns') {
  const url = new URL(path, baseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets });
  const post = (body: string): Promise<Delivery> =>
    new Promise((resolve, reject) => {
      const started = performance.now();
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: 'POST',
          agent,
          headers: {
            'content-type': 'text/plain; charset=UTF-8',
            'content-length': Buffer.byteLength(body),
            'x-amz-sns-message-type': 'Notification',
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', reject);
          res.on('end', () => {
            const latencyUs = (performance.now() - started) * 1000;
            resolve({ status: res.statusCode ?? 0, outcome: outcomeOf(chunks), latencyUs });
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  return { post, close: () => agent.destroy() };
}
export type Sender = ReturnType<typeof createSender>;

function outcomeOf(chunks: Buffer[]): string {
  try {
    return (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { outcome?: string }).outcome ?? '(none)';
  } catch {
    return '(not json)';
  }
}

/** Runs `fn` over `items` with at most `concurrency` in flight, in order of start. */
export async function runBounded<T>(
  items: readonly T[],
  concurrency: number,
  fn: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      await fn(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}
