import type { AlertView } from '../model/alert-view.ts';
import { isMuteActive } from '../model/mute-state.ts';
import type { AlertRecord, MuteRecord } from '../model/records.ts';

/** What the configuration adds to every drawing (the renderer never reads the configuration itself). */
export interface AlertViewOptions {
  rerunOffered?: boolean;
  /** The configuration's account id → name map. */
  accountNames?: Readonly<Record<string, string>>;
}

/** What the renderer draws for a stored alert; mentions only while it is firing and nobody has it yet. */
export function alertViewOf(
  record: AlertRecord,
  mute: MuteRecord | undefined,
  now: Date,
  options: AlertViewOptions = {},
): AlertView {
  const accountName = record.alert.account ? options.accountNames?.[record.alert.account] : undefined;
  const activeMute = isMuteActive(mute, now) ? mute : undefined;
  const wantsAttention = record.status === 'open' && !record.acknowledged && !activeMute;
  return {
    alertId: record.alertId,
    alert: record.alert,
    status: record.status,
    ...(record.resolvedBy ? { resolvedBy: record.resolvedBy } : {}),
    ...(record.resolvedAt ? { resolvedAt: record.resolvedAt } : {}),
    firstFiredAt: record.firstFiredAt,
    lastFiredAt: record.lastFiredAt,
    timesFired: record.timesFired,
    ...(record.acknowledged ? { acknowledged: record.acknowledged } : {}),
    ...(activeMute
      ? {
          mute: {
            ...activeMute.by,
            at: activeMute.at,
            ...(activeMute.until ? { until: activeMute.until } : {}),
            ...(activeMute.reason ? { reason: activeMute.reason } : {}),
          },
        }
      : {}),
    mentions: wantsAttention ? record.mentions : [],
    reruns: record.reruns,
    ...(accountName ? { accountName } : {}),
    ...(record.lastFiredSourceAt ? { sourceFiredAt: record.lastFiredSourceAt } : {}),
    ...(record.lastFailure ? { lastFailure: record.lastFailure } : {}),
    ...(options.rerunOffered ? { rerunOffered: true } : {}),
    ...(record.status === 'open' && record.reopenedAt ? { reopenedAt: record.reopenedAt } : {}),
  };
}
