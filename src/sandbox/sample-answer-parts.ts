/** What the sandbox's documented AWS answers share. */

/** Marks a value of a documented example so nobody mistakes the sandbox's answer for their account's. */
export const sample = (text: string) => `[sample] ${text}`;

/**
 * A LookupEvents answer (lookup-events.rst's Event shape) carrying one CloudTrail record, dated `minutesAgo`
 * before `now` to the second, as CloudTrail dates its events.
 */
export function lookupEventsAnswer(event: {
  now: Date;
  minutesAgo: number;
  eventId: string;
  username: string;
  resources?: Array<{ ResourceType: string; ResourceName: string }>;
  /** The CloudTrail record, given its `eventTime` as CloudTrail writes it. */
  record: (eventTime: string) => { eventName: string; eventSource: string } & Record<string, unknown>;
}): Record<string, unknown> {
  const eventTime = new Date(Math.floor(event.now.getTime() / 1000) * 1000 - event.minutesAgo * 60_000);
  const record = event.record(eventTime.toISOString().replace('.000Z', 'Z'));
  return {
    Events: [
      {
        EventId: event.eventId,
        Username: sample(event.username),
        EventTime: eventTime,
        EventName: record.eventName,
        EventSource: record.eventSource,
        ReadOnly: 'false',
        Resources: event.resources ?? [],
        CloudTrailEvent: JSON.stringify(record),
      },
    ],
  };
}
