import { randomUUID } from 'node:crypto';
import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { EntityRepository } from 'dynamodb-toolbox/entity/actions/repository';
import { isTransactionCancelled } from 'dynamodb-toolbox/entity/actions/transactWrite';
import type { AlertChange, AuditEntry } from '../model/alert-change.ts';
import type { DrainLease } from '../model/records.ts';
import type { ReplayClaim } from '../model/replay-claim.ts';
import type { SilenceHitWrite } from '../model/silence.ts';
import type { AlertWriteItems } from './alert-write-items.ts';
import { toAuditItem } from './audit-store.ts';
import type { KlaxonEntities } from './entities.ts';
import { muteSortKeyOf, toMuteItem } from './mute-store.ts';
import { writeRecord } from './record-schemas.ts';
import { silenceHitWrites } from './silence-store.ts';
import { replayClaimTransactPut } from './slack-request-store.ts';
import type { KlaxonTable } from './table.ts';

const eventRetentionSeconds = 30 * 24 * 3600;

export interface CommitInput {
  alertId: string;
  /** Version of the alert record the decision was made on (0: there was none). */
  expectedVersion: number;
  change?: AlertChange;
  /** Take the drain lease in the same write (only when the decision saw it free). */
  claimDrain?: { lease: DrainLease; nowMs: number };
  /**
   * The lease as read, written back unchanged when not claiming: a commit never takes a drain's lease away,
   * and conflicts if the lease was renewed since (writing the older end back would shorten it).
   */
  keepDrain?: DrainLease;
  /** The SNS delivery's dedupe record: first delivery wins. */
  delivery?: { messageId: string; receivedAt: string; expiresAt: number };
  /** History of notifications received (kept 30 days). */
  event?: { at: string; messageId: string; summary: Record<string, unknown> };
  audit?: AuditEntry;
  /** The Slack request the audit record answers: the commit fails as `replayed` if it was acted on already. */
  replayClaim?: ReplayClaim;
  /** A notification a silence held back: counted for the silence's summary in the same transaction. */
  silenceHit?: SilenceHitWrite;
}

export type CommitResult = 'committed' | 'conflict' | 'duplicate' | 'replayed';

/**
 * Every decision is committed here: one TransactWriteItems with the alert's next state and outbox
 * (version-checked), its mute, the delivery's dedupe record, the notification's history event and the audit
 * record — all or nothing. The items every notification writes are built directly (alert-write-items.ts);
 * the rarer ones (mutes, silence hits, audit) by their toolbox entities.
 */
export function createAlertCommit(table: KlaxonTable, entities: KlaxonEntities, items: AlertWriteItems) {
  const documentClient = table.getDocumentClient();
  const mutes = entities.mute.build(EntityRepository);
  const audits = entities.audit.build(EntityRepository);

  return async function commit(input: CommitInput): Promise<CommitResult> {
    const { change, alertId } = input;
    // The items' modification time, as toolbox stamps it (`_ct`, `_md`): row metadata, not the alert's clock.
    const at = new Date().toISOString();
    const writes: TransactItem[] = [];
    if (input.delivery) writes.push({ Put: items.delivery({ alertId, ...input.delivery }, at) });
    if (change) {
      const condition = {
        expectedVersion: input.expectedVersion,
        ...(input.claimDrain ? { drainFreeAt: input.claimDrain.nowMs } : {}),
        ...(!input.claimDrain && input.keepDrain ? { drainUntil: input.keepDrain.until } : {}),
      };
      const drain = input.claimDrain?.lease ?? input.keepDrain;
      writes.push({ Put: items.alertState(change.next, drain, condition, at) });
    }
    if (change?.startMute) {
      // One item per alert: replacing a mute is one put, conditional on the mute it replaces.
      const replaced = change.endMute;
      const condition = replaced
        ? ({ attr: 'gsi1sk', eq: muteSortKeyOf(replaced) } as const)
        : ({ attr: 'alertId', exists: false } as const);
      writes.push(paramsOf(mutes.transactPut(toMuteItem(change.startMute), { condition })));
    } else if (change?.endMute) {
      writes.push(
        paramsOf(
          mutes.transactDelete(
            { alertId },
            { condition: { attr: 'gsi1sk', eq: muteSortKeyOf(change.endMute) } },
          ),
        ),
      );
    }
    if (input.event) {
      const eventAt = input.event.at;
      const event = {
        alertId,
        eventSk: `EVENT#${eventAt}#${input.event.messageId}`,
        expiresAt: Math.floor(Date.parse(eventAt) / 1000) + eventRetentionSeconds,
        record: writeRecord(input.event.summary),
      };
      writes.push({ Put: items.event(event, at) });
    }
    if (input.silenceHit) writes.push(...silenceHitWrites(entities, input.silenceHit).map(paramsOf));
    if (input.audit)
      writes.push(paramsOf(audits.transactPut(toAuditItem({ ...input.audit, id: randomUUID() }))));
    const claimAt = input.replayClaim ? writes.length : -1;
    if (input.replayClaim) writes.push(paramsOf(replayClaimTransactPut(entities, input.replayClaim)));
    if (writes.length === 0) return 'committed';
    try {
      await documentClient.send(new TransactWriteCommand({ TransactItems: writes }));
      return 'committed';
    } catch (error) {
      if (!isTransactionCancelled(error)) throw error;
      const reasons = error.CancellationReasons ?? [];
      if (reasons[claimAt]?.Code === 'ConditionalCheckFailed') return 'replayed';
      return input.delivery && reasons[0]?.Code === 'ConditionalCheckFailed' ? 'duplicate' : 'conflict';
    }
  };
}

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** A toolbox transaction's TransactWriteItems entry, without the parsed item toolbox keeps beside it. */
function paramsOf(transaction: { params(): object }): TransactItem {
  const { ToolboxItem: _parsed, ...item } = transaction.params() as TransactItem & { ToolboxItem?: unknown };
  return item;
}
