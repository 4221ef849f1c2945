import { type PageClock, postJson } from './page-api.ts';

/** The sandbox time, and how far it is ahead of real time. */
export function describePageClock(clock: PageClock | undefined): string {
  if (!clock) return '';
  const time = clock.now.slice(11, 16);
  const ahead = Math.round(clock.offsetMs / 60_000);
  return ahead === 0
    ? `Sandbox time ${time} UTC (real time)`
    : `Sandbox time ${time} UTC (${formatAhead(ahead)} ahead)`;
}

function formatAhead(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return [hours ? `${hours} h` : '', rest ? `${rest} min` : ''].filter(Boolean).join(' ');
}

/** Moves Klaxon's clock forward; the server then runs its minute's sweep (mutes end, reminders are due). */
export async function advancePageClock(
  minutes: number,
  report: (text: string, isError?: boolean) => void,
): Promise<void> {
  const answer = await postJson('/sandbox/api/clock', { advanceMinutes: minutes });
  const clock = (answer.body as { clock?: PageClock } | undefined)?.clock;
  report(
    answer.ok ? `Clock moved forward: ${describePageClock(clock)}` : 'The clock did not move.',
    !answer.ok,
  );
}
