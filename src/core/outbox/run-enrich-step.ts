import type { NormalizedAlert } from '../../model/alert.ts';
import type { EnrichmentKind, EnrichmentResult } from '../../model/enrichment.ts';
import { type OutboxEntry, stepIdOf } from '../../model/outbox.ts';
import type { AlertRecord } from '../../model/records.ts';
import { renderEnrichmentReply } from '../../render/enrichment-reply.ts';
import type { SlackPoster } from '../../slack/slack-poster.ts';

/** Runs one lookup for an alert and answers what to tell; never throws (see look-up-enrichment.ts). */
export type LookUpEnrichment = (kind: EnrichmentKind, alert: NormalizedAlert) => Promise<EnrichmentResult>;

/**
 * Tells one enrichment in the alert's thread: lines as a reply tagged with the step, a picture through the
 * upload flow. It runs once: a lookup that failed is told as such, and a step a drain began but did not
 * finish (`suspect`) is dropped rather than told twice (an uploaded file carries no tag to look for).
 */
export async function runEnrichStep(
  slack: SlackPoster,
  entry: OutboxEntry & { step: { kind: 'enrich' } },
  record: AlertRecord,
  lookUp: LookUpEnrichment,
): Promise<'done' | 'blocked'> {
  if (!record.ts) return 'blocked';
  if (entry.suspect) return 'done';
  const result = await lookUp(entry.step.enrichment, record.alert);
  if (result.kind === 'none') return 'done';
  if (result.kind === 'image') {
    await slack.uploadFile(record.channel, record.ts, {
      fileName: result.fileName,
      title: result.title,
      altText: result.altText,
      bytes: result.png,
    });
    return 'done';
  }
  const stepId = stepIdOf(record.alertId, entry.seq);
  await slack.postMessage(record.channel, renderEnrichmentReply(result), { threadTs: record.ts, stepId });
  return 'done';
}
