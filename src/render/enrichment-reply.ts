import type { KnownBlock } from '@slack/types';
import type { EnrichmentResult } from '../model/enrichment.ts';
import { enforceMessageLimits } from './limits.ts';
import { escapeMrkdwn, formatLink } from './mrkdwn.ts';
import type { SlackMessage } from './slack-message.ts';

const maxLineChars = 300;
const maxBodyChars = 2_800;

/** A lookup's lines (or why it could not be made) as a thread reply. Images are uploaded, not drawn here. */
export function renderEnrichmentReply(
  result: Extract<EnrichmentResult, { kind: 'lines' | 'unavailable' }>,
): SlackMessage {
  if (result.kind === 'unavailable') {
    const line = `${result.what} unavailable: ${result.reason}`;
    return { text: line, blocks: [contextOf(`_${escapeMrkdwn(line)}_`)] };
  }
  const blocks: KnownBlock[] = [
    { type: 'section', text: { type: 'mrkdwn', text: bodyOf(result.title, result.lines) } },
  ];
  const links = (result.links ?? []).map((link) => formatLink(link.url, link.text));
  if (links.length > 0) blocks.push(contextOf(links.join(' · ')));
  return enforceMessageLimits({ text: result.title, blocks });
}

/** Lines as AWS wrote them, in a preformatted block that no line can close early. */
function bodyOf(title: string, lines: string[]): string {
  const head = `*${escapeMrkdwn(title)}*`;
  if (lines.length === 0) return head;
  const shown = lines.map((line) => {
    const safe = escapeMrkdwn(line.replaceAll('```', "'''"));
    return safe.length > maxLineChars ? `${safe.slice(0, maxLineChars - 1)}…` : safe;
  });
  let text = shown.join('\n');
  if (text.length > maxBodyChars) text = `${text.slice(0, maxBodyChars - 1)}…`;
  return `${head}\n\`\`\`${text}\`\`\``;
}

function contextOf(text: string): KnownBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text }] };
}
