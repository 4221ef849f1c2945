import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { type AlarmState, describeAlarmStates } from '../../aws/describe-alarm-states.ts';
import { isMuteActive } from '../../model/mute-state.ts';
import type { AlertRecord } from '../../model/records.ts';
import { createIntervalGate } from '../../util/interval-gate.ts';
import type { AlertChangeDeps } from '../buttons/action-deps.ts';
import {
  type AlertChange,
  bumpVersion,
  changeWithReplies,
  type LoadedAlert,
  summariseMute,
} from '../buttons/alert-change.ts';
import { applyAlertChange } from '../buttons/apply-alert-change.ts';

export interface ReconcileDeps extends AlertChangeDeps {
  /** CloudWatch in an alarm's region: DescribeAlarms answers only for the region it is asked in. */
  cloudWatchIn: (region: string | undefined) => CloudWatchClient;
}

const alarmKeyPrefix = 'cloudwatch-alarm:arn:';

/** The alarm ARN an alert is keyed by; alerts keyed without one (no ARN in the payload) cannot be matched. */
export function alarmArnOf(record: AlertRecord): string | undefined {
  return record.alertKey.startsWith(alarmKeyPrefix)
    ? record.alertKey.slice('cloudwatch-alarm:'.length)
    : undefined;
}

/** Open alarm alerts that an OK alarm would have resolved, had its notification come. */
export function selectReconcilable(records: AlertRecord[]): AlertRecord[] {
  return records.filter(
    (record) =>
      record.status === 'open' &&
      record.alert.source === 'cloudwatch-alarm' &&
      (record.alert.state === 'firing' || record.alert.state === 'insufficient') &&
      alarmArnOf(record) !== undefined,
  );
}

/** The alerts whose alarm CloudWatch now says is OK, with the alarm's state. */
export function findRecovered(records: AlertRecord[], states: Map<string, AlarmState>) {
  return records.flatMap((record) => {
    const state = states.get(alarmArnOf(record) ?? '');
    return state?.stateValue === 'OK' ? [{ alertId: record.alertId, state }] : [];
  });
}

/**
 * Resolves the alert as its recovery would have (by the event, the mute "until resolved" ended with its
 * summary), unless a notification changed it meanwhile: the decision is taken again on the fresh record.
 */
export function decideReconciledResolve(state: AlarmState) {
  return ({ record, mute }: LoadedAlert, now: Date): AlertChange | undefined => {
    if (selectReconcilable([record]).length === 0) return undefined;
    // A recovery during a timed mute is only counted (see decide-notification.ts); reconciliation agrees.
    if (mute?.until !== undefined && isMuteActive(mute, now)) return undefined;
    const at = now.toISOString();
    const alert = { ...record.alert, state: 'recovered' as const, stateLabel: state.stateValue };
    const resolved = {
      alert,
      status: 'resolved' as const,
      resolvedAt: at,
      resolvedBy: 'event' as const,
      lastStateLabel: state.stateValue,
    };
    const reply = {
      kind: 'reconciled',
      at,
      stateValue: state.stateValue,
      ...(state.stateReason ? { stateReason: state.stateReason } : {}),
    } as const;
    if (!mute || mute.until !== undefined) return changeWithReplies(bumpVersion(record, resolved), [reply]);
    const { whileMuted, reset } = summariseMute(record);
    return changeWithReplies(
      bumpVersion(record, { ...resolved, ...reset }),
      [reply, { kind: 'mute-expired', at, whileMuted }],
      { endMute: mute },
    );
  };
}

/**
 * One pass: every open alarm alert, its alarm's state asked in the alarm's own region (in batches), and a
 * resolve for each alarm found OK.
 */
export async function reconcileAlarms(deps: ReconcileDeps): Promise<number> {
  const byRegion = new Map<string | undefined, AlertRecord[]>();
  for await (const page of deps.store.alerts.openAlertPages()) {
    for (const record of selectReconcilable(page)) {
      const inRegion = byRegion.get(record.alert.region) ?? [];
      inRegion.push(record);
      byRegion.set(record.alert.region, inRegion);
    }
  }
  let resolved = 0;
  for (const [region, candidates] of byRegion) {
    const states = await describeAlarmStates(
      deps.cloudWatchIn(region),
      candidates.map((record) => record.alert.name),
    );
    for (const { alertId, state } of findRecovered(candidates, states)) {
      try {
        if ((await applyAlertChange(deps, alertId, decideReconciledResolve(state))) !== 'unchanged')
          resolved++;
      } catch (error) {
        deps.logger.warn(
          { err: error, alertId },
          'reconciliation could not resolve an alert; the next pass retries',
        );
      }
    }
  }
  if (resolved > 0)
    deps.logger.info({ resolved }, 'alarms found OK in CloudWatch resolved by reconciliation');
  return resolved;
}

/**
 * Runs `reconcile` at most once per `intervalMs` (the sweep itself runs every minute), and never lets an AWS
 * failure (AccessDenied, throttling) stop the rest of the sweep: it is logged and tried next interval.
 */
export function createReconcileGate(options: {
  intervalMs: number;
  nowMs: () => number;
  reconcile: () => Promise<number>;
  onError: (error: unknown) => void;
}): () => Promise<number> {
  const due = createIntervalGate(options);
  return async () => {
    if (!due()) return 0;
    try {
      return await options.reconcile();
    } catch (error) {
      options.onError(error);
      return 0;
    }
  };
}
