import type { MuteRecord } from '../model/records.ts';
import { StatusDisplays } from './display-state.ts';
import { escapeMrkdwn, formatDuration, formatSlackDate, formatUser } from './mrkdwn.ts';
import { buildMessage, type SlackMessage, truncate } from './query-results-format.ts';

/** `/klaxon mutes`: what is muted, by whom, since when and until when. */
export function renderActiveMutes(mutes: MuteRecord[], now: Date): SlackMessage {
  const count = mutes.length;
  return buildMessage({
    text: count === 0 ? 'No active mutes' : `${count} active mute${count === 1 ? '' : 's'}`,
    title: count === 0 ? '*Active mutes*\n_Nothing is muted._' : `*Active mutes* (${count})`,
    lines: mutes.map((mute) => describeMute(mute, now)),
    monospace: false,
    footer: [],
  });
}

export function describeMute(mute: MuteRecord, now: Date): string {
  const since = formatDuration(now.getTime() - Date.parse(mute.at));
  const ends =
    mute.until === undefined
      ? 'until resolved'
      : `ends in ${formatDuration(Date.parse(mute.until) - now.getTime())} (${formatSlackDate(mute.until)})`;
  const parts = [
    `${StatusDisplays.muted.emoji} *${escapeMrkdwn(truncate(mute.title, 150))}*`,
    `muted by ${formatUser(mute.by)} ${since} ago`,
    ends,
    mute.reason ? `“${escapeMrkdwn(truncate(mute.reason, 200))}”` : undefined,
    /^[CG][A-Z0-9]+$/.test(mute.channel) ? `in <#${mute.channel}>` : undefined,
  ];
  return `• ${parts.filter(Boolean).join(' · ')}`;
}
