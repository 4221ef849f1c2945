import type { KnownBlock } from '@slack/types';
import type { AlertMatchers } from '../model/alert-matchers.ts';
import type { SilenceHit, SilenceRecord } from '../model/silence.ts';
import { escapeMrkdwn, formatDuration, formatSlackDate, formatUser } from './mrkdwn.ts';
import { context, type SlackMessage, section, truncate } from './query-results-format.ts';

/** The Expire button of `/klaxon silences`; its value is the silence id. */
export const silenceExpireActionId = 'klaxon_silence_expire';
/** A list answer keeps each silence in its own block pair; 20 of them stay well under 50 blocks. */
const maxListed = 20;
const maxHitsShown = 20;

/** `source=cloudwatch-alarm name=etl-*`, escaped and bounded. */
export function describeMatchers(matchers: AlertMatchers): string {
  const parts = Object.entries(matchers).map(
    ([key, value]) => `${key}=${Array.isArray(value) ? value.join(',') : String(value)}`,
  );
  return `\`${escapeMrkdwn(truncate(parts.join(' '), 300)).replace(/`/g, "'")}\``;
}

function describeSilence(silence: SilenceRecord, now: Date): string {
  const who = silence.by ? ` by ${formatUser(silence.by)}` : '';
  const left = formatDuration(Date.parse(silence.endsAt) - now.getTime());
  return [
    `:no_bell: ${describeMatchers(silence.matchers)}${who}`,
    `ends in ${left} (${formatSlackDate(silence.endsAt)}) · “${escapeMrkdwn(truncate(silence.reason, 200))}”`,
  ].join('\n');
}

/** `/klaxon silences`: each active silence with an Expire button. */
export function renderSilenceList(silences: SilenceRecord[], now: Date): SlackMessage {
  const shown = silences.slice(0, maxListed);
  const blocks: KnownBlock[] = [
    section(
      silences.length === 0
        ? '*Active silences*\n_Nothing is silenced._'
        : `*Active silences* (${silences.length})`,
    ),
    ...shown.map(
      (silence): KnownBlock => ({
        type: 'section',
        text: { type: 'mrkdwn', text: describeSilence(silence, now) },
        accessory: {
          type: 'button',
          action_id: silenceExpireActionId,
          text: { type: 'plain_text', text: 'Expire' },
          value: silence.silenceId,
          confirm: {
            title: { type: 'plain_text', text: 'Expire this silence?' },
            text: { type: 'plain_text', text: 'Matching alerts will be posted again.' },
            confirm: { type: 'plain_text', text: 'Expire' },
            deny: { type: 'plain_text', text: 'Keep it' },
          },
        },
      }),
    ),
    ...(silences.length > shown.length ? [context(`…and ${silences.length - shown.length} more`)] : []),
  ];
  const count = silences.length;
  return {
    text: count === 0 ? 'No active silences' : `${count} active silence${count === 1 ? '' : 's'}`,
    blocks,
  };
}

/** Announced in the channel when someone sets a silence. */
export function renderSilenceCreated(silence: SilenceRecord): SlackMessage {
  const who = silence.by ? formatUser(silence.by) : 'Klaxon';
  const line = `:no_bell: ${who} silenced ${describeMatchers(silence.matchers)} until ${formatSlackDate(silence.endsAt)}: “${escapeMrkdwn(truncate(silence.reason, 500))}”. Matching alerts are recorded, not posted; a summary follows when it ends.`;
  return { text: `Silence set until ${silence.endsAt}`, blocks: [section(line)] };
}

/** The one message when a silence or a maintenance window ends: what it held back, and what still fires. */
export function renderSilenceSummary(silence: SilenceRecord, hits: SilenceHit[]): SlackMessage {
  const what =
    silence.kind === 'window'
      ? `Maintenance window ${escapeMrkdwn(silence.reason.replace(/^maintenance window /, ''))}`
      : `Silence ${describeMatchers(silence.matchers)}`;
  const how = silence.endedBy ? `ended by ${formatUser(silence.endedBy)}` : 'ended';
  const notifications = hits.reduce((sum, hit) => sum + hit.count, 0);
  const firing = hits.filter((hit) => hit.lastFiring).length;
  const head =
    hits.length === 0
      ? `:bell: ${what} ${how}; it held nothing back.`
      : `:bell: ${what} ${how}; it held back ${notifications} notification${notifications === 1 ? '' : 's'} from ${hits.length} alert${hits.length === 1 ? '' : 's'}, ${firing} still firing:`;
  const lines = hits
    .slice(0, maxHitsShown)
    .map(
      (hit) =>
        `• *${escapeMrkdwn(truncate(hit.title, 150))}* · ${hit.count}× · last \`${escapeMrkdwn(truncate(hit.lastStateLabel, 40))}\`${hit.lastFiring ? ' · :rotating_light: still firing' : ''}`,
    );
  const more = hits.length > maxHitsShown ? [context(`…and ${hits.length - maxHitsShown} more alerts`)] : [];
  const text = `${silence.kind === 'window' ? 'Maintenance window' : 'Silence'} ended: ${notifications} notifications held back, ${firing} alerts still firing`;
  return { text, blocks: [section(head), ...(lines.length ? [section(lines.join('\n'))] : []), ...more] };
}
