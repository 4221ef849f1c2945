import type { ContextBlock, KnownBlock, SectionBlock } from '@slack/types';
import type { SlackMessage } from './slack-message.ts';

/** Block Kit limits (Slack docs): 50 blocks, 3000 characters per section text, ~4000 for `text`. */
export const blockLimits = { blocks: 50, sectionText: 3000, contextText: 3000, text: 3900 } as const;

export type { SlackMessage };

/** Slack reads `&`, `<` and `>` as markup in every text object; user data must not. */
export function escapeMrkdwn(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** Inside code spans and blocks a backtick would end the span early; a look-alike keeps the text readable. */
export function escapeCode(text: string): string {
  return escapeMrkdwn(text.replaceAll('`', 'ˋ').replace(/[\r\n\t]+/g, ' '));
}

export function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, Math.max(0, max - 1))}…` : text;
}

export function section(text: string): SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: truncate(text, blockLimits.sectionText) } };
}

export function context(text: string): ContextBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: truncate(text, blockLimits.contextText) }] };
}

/** Packs lines into as few texts as fit under `max` characters each (wrapper included). */
export function packLines(lines: string[], max: number, wrap: (body: string) => string = (b) => b): string[] {
  const room = max - wrap('').length;
  const chunks: string[] = [];
  let current: string[] = [];
  let size = 0;
  for (const raw of lines) {
    const line = truncate(raw, room);
    if (current.length > 0 && size + line.length + 1 > room) {
      chunks.push(wrap(current.join('\n')));
      current = [];
      size = 0;
    }
    current.push(line);
    size += line.length + 1;
  }
  if (current.length > 0) chunks.push(wrap(current.join('\n')));
  return chunks;
}

const codeFence = (body: string) => `\`\`\`\n${body}\n\`\`\``;

/** A monospace table: padded columns (each capped), the last one left ragged so long messages survive. */
export function formatTableLines(columns: string[], rows: string[][], maxCell = 40, maxLast = 400): string[] {
  const cells = [columns, ...rows].map((row) => columns.map((_, i) => escapeCode(row[i] ?? '')));
  const widths = columns.map((_, i) =>
    Math.min(maxCell, Math.max(...cells.map((row) => (row[i] ?? '').length))),
  );
  const last = columns.length - 1;
  const lines = cells.map((row) =>
    row
      .map((cell, i) =>
        i === last ? truncate(cell, maxLast) : truncate(cell, widths[i] ?? 0).padEnd(widths[i] ?? 0),
      )
      .join('  '),
  );
  lines.splice(1, 0, widths.map((w, i) => '-'.repeat(i === last ? Math.min(w, 20) : w)).join('  '));
  return lines;
}

/**
 * Wraps content lines into sections and drops whole sections that would break the 50-block limit,
 * saying how many lines were left out so the truncation is visible.
 */
export function buildMessage(input: {
  text: string;
  title: string;
  lines: string[];
  monospace: boolean;
  footer: string[];
}): SlackMessage {
  const chunks = packLines(input.lines, blockLimits.sectionText, input.monospace ? codeFence : undefined);
  const room = blockLimits.blocks - 2 - input.footer.length;
  const kept = chunks.slice(0, room);
  const shownLines = kept.reduce((n, chunk) => n + chunk.split('\n').length - (input.monospace ? 2 : 0), 0);
  const hidden = input.lines.length - shownLines;
  const blocks: KnownBlock[] = [section(input.title), ...kept.map(section)];
  if (hidden > 0) blocks.push(context(`… ${hidden} more lines not shown (Slack message limit).`));
  for (const note of input.footer) blocks.push(context(note));
  return { text: truncate(input.text, blockLimits.text), blocks };
}

export function formatBytes(bytes: number | undefined): string {
  if (bytes === undefined) return '? B';
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${units[unit]}`;
}

export function formatElapsed(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

/** `2024-05-19 06:10:35Z`: sortable, unambiguous, short. */
export function formatTime(date: Date | undefined): string {
  return date
    ? date
        .toISOString()
        .replace('T', ' ')
        .replace(/\.\d{3}Z$/, 'Z')
    : '?';
}
