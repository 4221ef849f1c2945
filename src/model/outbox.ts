import type { EnrichmentKind } from './enrichment.ts';
import type { ThreadReply } from './thread-reply.ts';

/** Slack work a change owes: decided with the change, committed with it, executed after it. */
export type SlackStep =
  | { kind: 'post-root' }
  /** Redraws the root from the alert's state at the time it runs, so one pending update covers many changes. */
  | { kind: 'update-root' }
  | { kind: 'reply'; reply: ThreadReply }
  /**
   * A lookup in AWS told in the thread (see enrichment.ts). Never run by the drain that answers SNS: it waits
   * for an asynchronous drain (a timer, the worker, the sweep), and runs once — a failure is told, not retried.
   */
  | { kind: 'enrich'; enrichment: EnrichmentKind };

/** A step waiting in an alert's outbox, in the order it was decided. */
export interface OutboxEntry {
  /** Per alert, increasing; `<alertId>:<seq>` tags the Slack message so a retry can find it. */
  seq: number;
  step: SlackStep;
  /** Epoch ms. */
  createdAt: number;
  /** Epoch ms before which the step must not run (coalesced root updates, digests of a spent budget). */
  notBefore?: number;
  /**
   * A drain that may have sent it did not finish (failed or died): before posting again, look in Slack for
   * a message tagged with this step.
   */
  suspect?: boolean;
}

/** Slack calls an alert made in its current budget window (see plan-outbox.ts). */
export interface SlackBudget {
  /** Epoch ms. */
  windowStart: number;
  used: number;
}

/** The tag Slack keeps with a posted message (message metadata) so that a retried step finds its post. */
export const stepMetadataEventType = 'klaxon_step';

export function stepIdOf(alertId: string, seq: number): string {
  return `${alertId}:${seq}`;
}
