import type { SectionBlock } from '@slack/types';
import type { AlertField, NormalizedAlert } from '../model/alert.ts';
import type { AlertView } from '../model/alert-view.ts';
import { describeAccount } from './account-label.ts';
import { describeFiredAt } from './fired-time.ts';
import { escapeMrkdwn, formatSlackDate } from './mrkdwn.ts';

/** A label and an already-formatted mrkdwn value. */
export interface MrkdwnField {
  label: string;
  value: string;
}

/** The root shows the essentials; everything else is one click away (Details). */
export const maxRootFields = 6;

/**
 * Labels the root never shows: what the status line says already (state, the source's own severity), the
 * parts of the Resource field (metric, dimensions, job), and prose that belongs with the details.
 */
const shownElsewhere = /^(state|metric|dimensions|job|description|.*severity)$/i;

/**
 * Where, what, how often, then the source's own fields that add something, up to six. Labels and values
 * from AWS are escaped; dates become Slack date tokens.
 */
export function collectAlertFields(view: AlertView): MrkdwnField[] {
  const fields = collectKeyFields(view, maxRootFields);
  for (const field of sourceFieldsOf(view.alert)) {
    if (shownElsewhere.test(field.label)) continue;
    fields.addOrReplace(field.label, field.value);
  }
  return fields.list;
}

/** Everything known, for the Details view: every field the source gave, and the alert's whole life. */
export function collectDetailFields(view: AlertView): MrkdwnField[] {
  const fields = collectKeyFields(view);
  if (view.timesFired > 1) {
    fields.push({ label: 'First fired', value: formatSlackDate(view.firstFiredAt) });
    fields.push({ label: 'Last fired', value: describeFiredAt(view.sourceFiredAt, view.lastFiredAt) });
  }
  if (view.status === 'resolved' && view.resolvedAt) {
    fields.push({ label: 'Resolved', value: formatSlackDate(view.resolvedAt) });
  }
  for (const field of view.alert.fields) fields.addOrReplace(field.label, field.value);
  return fields.list;
}

/** The facts of one notification alone, for a thread reply about a new occurrence. */
export function collectAlertFieldsOf(alert: NormalizedAlert): MrkdwnField[] {
  const fields = new FieldList();
  fields.addEscaped('Resource', alert.resource);
  for (const field of alert.fields) fields.addOrReplace(field.label, field.value);
  return fields.list;
}

function collectKeyFields(view: AlertView, capacity?: number): FieldList {
  const { alert } = view;
  const fields = new FieldList(capacity);
  fields.addEscaped('Account', alert.account && describeAccount(alert.account, view.accountName));
  fields.addEscaped('Region', alert.region);
  fields.addEscaped('Resource', alert.resource);
  fields.push(describeFiring(view));
  const failedRun = describeFailedRun(view);
  if (failedRun) fields.push(failedRun);
  return fields;
}

/** A field whose value the resource or the state already says is left out rather than repeated. */
function sourceFieldsOf(alert: NormalizedAlert): AlertField[] {
  const said = [alert.resource, alert.name, alert.stateLabel].filter(Boolean) as string[];
  return alert.fields.filter((field) => !said.includes(field.value.trim()));
}

/**
 * One firing needs one date, told as AWS dates it (with how long ago, and how late Klaxon got it when that
 * is worth saying); repeats say how often in the same field (the first and last times are in Details).
 */
function describeFiring(view: AlertView): MrkdwnField {
  if (view.timesFired <= 1) {
    return { label: 'Fired', value: describeFiredAt(view.sourceFiredAt, view.firstFiredAt) };
  }
  const latest = describeFiredAt(view.sourceFiredAt, view.lastFiredAt);
  return {
    label: 'Fired',
    value: `${view.timesFired}× since ${formatSlackDate(view.firstFiredAt)}, last ${latest}`,
  };
}

/** A recovery's own run is not the one that failed: the failed one stays on the resolved root. */
function describeFailedRun(view: AlertView): MrkdwnField | undefined {
  const failed = view.lastFailure?.occurrence;
  if (view.status !== 'resolved' || !failed || failed === view.alert.occurrence) return undefined;
  if (view.alert.source !== 'glue' && view.alert.source !== 'emr') return undefined;
  return { label: view.alert.source === 'glue' ? 'Failed run' : 'Failed step', value: escapeMrkdwn(failed) };
}

/**
 * Fields in order, each found again by its label in any case. With a capacity, fields beyond it are left out
 * (and not escaped); a field with a kept one's label still takes its place.
 */
class FieldList {
  readonly list: MrkdwnField[] = [];
  private readonly byLabel = new Map<string, MrkdwnField>();

  constructor(private readonly capacity = Number.POSITIVE_INFINITY) {}

  /** A field already in mrkdwn. */
  push(field: MrkdwnField): void {
    if (!this.hasRoom()) return;
    this.list.push(field);
    const key = field.label.toLowerCase();
    if (!this.byLabel.has(key)) this.byLabel.set(key, field);
  }

  /** AWS's label and value, escaped; a blank value is left out. */
  addEscaped(label: string, value: string | undefined): void {
    if (value === undefined || value.trim() === '' || !this.hasRoom()) return;
    this.push({ label: escapeMrkdwn(label), value: escapeMrkdwn(value) });
  }

  /** Checked before escaping: a field past the capacity is never escaped. */
  private hasRoom(): boolean {
    return this.list.length < this.capacity;
  }

  /**
   * A parser's field with the same label as a key field (its "Region" with the display name, say) says
   * more, so it takes the key field's place instead of appearing twice.
   */
  addOrReplace(label: string, value: string): void {
    if (value.trim() === '') return;
    const escapedLabel = escapeMrkdwn(label);
    const existing = this.byLabel.get(escapedLabel.toLowerCase());
    if (existing) existing.value = escapeMrkdwn(value);
    else if (this.hasRoom()) this.push({ label: escapedLabel, value: escapeMrkdwn(value) });
  }
}

/**
 * One section holding every field; the limit pass splits it into sections of 10 fields, so the split
 * rule lives in one place.
 */
export function renderFieldsSection(fields: MrkdwnField[]): SectionBlock[] {
  if (fields.length === 0) return [];
  return [
    {
      type: 'section',
      fields: fields.map(({ label, value }) => ({ type: 'mrkdwn', text: `*${label}*\n${value}` })),
    },
  ];
}
