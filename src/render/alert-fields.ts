import type { SectionBlock } from '@slack/types';
import type { NormalizedAlert } from '../model/alert.ts';
import type { AlertView } from '../model/alert-view.ts';
import { describeAccount } from './account-label.ts';
import { describeFiredAt } from './fired-time.ts';
import { escapeMrkdwn, formatSlackDate } from './mrkdwn.ts';

/** A label and an already-formatted mrkdwn value. */
export interface MrkdwnField {
  label: string;
  value: string;
}

/**
 * The key facts first (where, what, how often, when), then the source's own fields. Labels and values
 * from AWS are escaped; dates become Slack date tokens.
 */
export function collectAlertFields(view: AlertView): MrkdwnField[] {
  const { alert } = view;
  const fields: MrkdwnField[] = [];
  addEscaped(fields, 'Account', alert.account && describeAccount(alert.account, view.accountName));
  addEscaped(fields, 'Region', alert.region);
  addEscaped(fields, 'Resource', alert.resource);
  fields.push(...collectFiringFields(view));
  if (view.status === 'resolved' && view.resolvedAt) {
    fields.push({ label: 'Resolved', value: formatSlackDate(view.resolvedAt) });
  }
  for (const field of alert.fields) addOrReplace(fields, field.label, field.value);
  return fields;
}

/** The facts of one notification alone, for a thread reply about a new occurrence. */
export function collectAlertFieldsOf(alert: NormalizedAlert): MrkdwnField[] {
  const fields: MrkdwnField[] = [];
  addEscaped(fields, 'Resource', alert.resource);
  for (const field of alert.fields) addOrReplace(fields, field.label, field.value);
  return fields;
}

/**
 * A parser's field with the same label as a key field (its "Region" with the display name, say) says
 * more, so it takes the key field's place instead of appearing twice.
 */
function addOrReplace(fields: MrkdwnField[], label: string, value: string): void {
  const key = escapeMrkdwn(label).toLowerCase();
  const existing = fields.find((field) => field.label.toLowerCase() === key);
  if (existing && value.trim() !== '') existing.value = escapeMrkdwn(value);
  else addEscaped(fields, label, value);
}

/**
 * One firing needs one date; repeats show the count and both ends. The latest firing is told as AWS dates it
 * (with how long ago, and how late Klaxon got it when that is worth saying); the first as Klaxon received it.
 */
function collectFiringFields(view: AlertView): MrkdwnField[] {
  const receivedAt = view.timesFired <= 1 ? view.firstFiredAt : view.lastFiredAt;
  const latest = describeFiredAt(view.sourceFiredAt, receivedAt);
  if (view.timesFired <= 1) return [{ label: 'Fired', value: latest }];
  return [
    { label: 'Times fired', value: String(view.timesFired) },
    { label: 'First fired', value: formatSlackDate(view.firstFiredAt) },
    { label: 'Last fired', value: latest },
  ];
}

function addEscaped(fields: MrkdwnField[], label: string, value: string | undefined): void {
  if (value === undefined || value.trim() === '') return;
  fields.push({ label: escapeMrkdwn(label), value: escapeMrkdwn(value) });
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
