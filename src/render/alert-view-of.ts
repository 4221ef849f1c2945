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
  // Optional parts are set only when present (the renderer tests presence), one by one: a spread of a
  // conditional object literal allocates a throwaway object for each.
  const view: AlertView = {
    alertId: record.alertId,
    alert: record.alert,
    status: record.status,
    firstFiredAt: record.firstFiredAt,
    lastFiredAt: record.lastFiredAt,
    timesFired: record.timesFired,
    mentions: wantsAttention ? record.mentions : [],
    reruns: record.reruns,
  };
  if (record.resolvedBy) view.resolvedBy = record.resolvedBy;
  if (record.resolvedAt) view.resolvedAt = record.resolvedAt;
  if (record.acknowledged) view.acknowledged = record.acknowledged;
  if (activeMute) {
    const { by, at, until, reason } = activeMute;
    view.mute = { ...by, at, ...(until ? { until } : {}), ...(reason ? { reason } : {}) };
  }
  if (accountName) view.accountName = accountName;
  if (record.lastFiredSourceAt) view.sourceFiredAt = record.lastFiredSourceAt;
  if (record.lastFailure) view.lastFailure = record.lastFailure;
  if (options.rerunOffered) view.rerunOffered = true;
  if (record.status === 'open' && record.reopenedAt) view.reopenedAt = record.reopenedAt;
  return view;
}
