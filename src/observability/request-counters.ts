/**
 * Counts requests by route, status and outcome, served as Prometheus text at GET /metrics. SNS does not
 * count the deliveries it gives up on after a 4xx (`NumberOfNotificationsFailed` stays 0), so Klaxon counts
 * its refusals itself. Labels come from the route table and Klaxon's own outcome words, never from input,
 * so the number of series stays small.
 */
export function createRequestCounters() {
  const counts = new Map<string, number>();
  return {
    record(route: string, status: number, outcome: unknown): void {
      const key = JSON.stringify([route, String(status), typeof outcome === 'string' ? outcome : '']);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    },
    renderPrometheus(): string {
      const lines = [
        '# HELP klaxon_requests_total HTTP requests by route, status and outcome.',
        '# TYPE klaxon_requests_total counter',
      ];
      for (const [key, count] of [...counts].sort()) {
        const [route, status, outcome] = JSON.parse(key) as [string, string, string];
        lines.push(
          `klaxon_requests_total{route="${escapeLabel(route)}",status="${status}",outcome="${escapeLabel(outcome)}"} ${count}`,
        );
      }
      return `${lines.join('\n')}\n`;
    },
  };
}
export type RequestCounters = ReturnType<typeof createRequestCounters>;

function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}
