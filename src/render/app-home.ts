import type { HomeView, KnownBlock } from '@slack/types';
import type { AlertRecord, AuditRecord, MuteRecord } from '../model/records.ts';
import type { SilenceRecord } from '../model/silence.ts';
import { accountNameOf } from './account-label.ts';
import { displayOfOpen, SeverityLabels } from './display-state.ts';
import { escapeMrkdwn, formatCode, formatDuration, formatSlackDate, formatUser } from './mrkdwn.ts';
import { describeLatestNote, describeNextReminder } from './open-alerts.ts';
import { describeMatchers } from './silences.ts';
import { truncateText } from './text-limits.ts';

export interface AppHomeInput {
  openAlerts: AlertRecord[];
  activeMutes: MuteRecord[];
  recentActions: AuditRecord[];
  /** Titles of alerts the viewer acted on that are neither open nor muted any more. */
  otherTitles?: Record<string, string>;
  /** Silences in force (listed after the mutes when given). */
  activeSilences?: SilenceRecord[];
  now: Date;
  /** The configuration's account id → name map: a named account is shown by its name. */
  accountNames?: Readonly<Record<string, string>>;
}

/** Home tabs take 100 blocks; each list is capped so the three always fit. */
const maxListed = { alerts: 25, mutes: 15, actions: 15, silences: 10 } as const;

const resultEmoji = { ok: '✅', refused: '⛔', failed: '⚠️' } as const;

/** The App Home: open alerts, active mutes and the viewer's own recent actions, as of `now`. */
export function renderAppHome(input: AppHomeInput): HomeView {
  const titles = new Map(Object.entries(input.otherTitles ?? {}));
  for (const record of input.openAlerts) titles.set(record.alertId, record.alert.title);
  for (const mute of input.activeMutes) titles.set(mute.alertId, mute.title);
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: 'Klaxon', emoji: true } },
    context(`Updated ${formatSlackDate(input.now.toISOString())}`),
    ...renderList(
      'Open alerts',
      input.openAlerts.map((record) => describeOpenAlert(record, input.now, input.accountNames)),
      maxListed.alerts,
      'No open alerts.',
    ),
    ...renderList('Active mutes', input.activeMutes.map(describeMute), maxListed.mutes, 'Nothing is muted.'),
    ...(input.activeSilences
      ? renderList(
          'Active silences',
          input.activeSilences.map(describeSilence),
          maxListed.silences,
          'Nothing is silenced.',
        )
      : []),
    ...renderList(
      'Your recent actions',
      input.recentActions.map((record) => describeAction(record, titles)),
      maxListed.actions,
      'You have not acted on an alert yet.',
    ),
  ];
  return { type: 'home', blocks };
}

function renderList(title: string, lines: string[], max: number, empty: string): KnownBlock[] {
  const shown = lines.slice(0, max);
  const more = lines.length - shown.length;
  return [
    { type: 'divider' },
    { type: 'header', text: { type: 'plain_text', text: `${title} (${lines.length})`, emoji: true } },
    ...(shown.length === 0 ? [context(empty)] : shown.map(section)),
    ...(more > 0 ? [context(`…and ${more} more`)] : []),
  ];
}

function describeOpenAlert(
  record: AlertRecord,
  now: Date,
  accountNames: AppHomeInput['accountNames'],
): string {
  const status = displayOfOpen(record);
  const note = describeLatestNote(record);
  const named = accountNameOf(record, accountNames);
  const account = named ? ` · ${escapeMrkdwn(named)}` : '';
  return [
    `${status.emoji} *${escapeMrkdwn(record.alert.title)}*`,
    `${SeverityLabels[record.alert.severity]}${account} · <#${record.channel}> · since ${formatSlackDate(record.firstFiredAt)} · fired ${record.timesFired}×${describeWaiting(record, now)}`,
    ...(note ? [note] : []),
  ].join('\n');
}

/** Who has it, or how long it has waited for someone and when the next reminder goes out. */
function describeWaiting(record: AlertRecord, now: Date): string {
  if (record.acknowledged) return ` · 👀 ${formatUser(record.acknowledged)}`;
  const since = record.escalation?.since ?? record.firstFiredAt;
  const waited = formatDuration(now.getTime() - Date.parse(since));
  return ` · ⏳ waiting ${waited}${describeNextReminder(record, now)}`;
}

function describeMute(mute: MuteRecord): string {
  const until = mute.until ? `until ${formatSlackDate(mute.until)}` : 'until resolved';
  const reason = mute.reason ? ` — ${escapeMrkdwn(mute.reason)}` : '';
  return `🔕 *${escapeMrkdwn(mute.title)}*\nby ${formatUser(mute.by)} ${until}${reason}`;
}

function describeSilence(silence: SilenceRecord): string {
  const by = silence.by ? `by ${formatUser(silence.by)} ` : '';
  return `🔇 ${describeMatchers(silence.matchers)}\n${by}until ${formatSlackDate(silence.endsAt)} — ${escapeMrkdwn(silence.reason)}`;
}

function describeAction(record: AuditRecord, titles: Map<string, string>): string {
  const title = record.alertId ? titles.get(record.alertId) : undefined;
  const target = title ? escapeMrkdwn(title) : record.alertId ? formatCode(record.alertId) : '';
  const detail = record.detail ? ` (${escapeMrkdwn(record.detail)})` : '';
  return `${resultEmoji[record.result]} ${formatSlackDate(record.at)} · *${record.action}* ${target} · ${record.result}${detail}`;
}

function section(text: string): KnownBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: truncateText(text, 3000, 'mrkdwn') } };
}

function context(text: string): KnownBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text }] };
}
