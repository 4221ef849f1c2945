import type { ActionsBlock, ContextBlock, KnownBlock, SectionBlock } from '@slack/types';
import { limitElement, limitTextObject } from './limit-elements.ts';
import type { SlackMessage } from './slack-message.ts';
import { BlockKitLimits, TruncationMarker, truncateText } from './text-limits.ts';

export { BlockKitLimits, TruncationMarker, truncateText };

/** Applies every limit to a message; all renderers return through this. */
export function enforceMessageLimits(message: SlackMessage): SlackMessage {
  const text = message.text.trim() === '' ? 'Klaxon alert' : message.text;
  const limited: SlackMessage = {
    text: truncateText(text, BlockKitLimits.topLevelText, 'mrkdwn'),
    blocks: limitBlockCount(message.blocks.flatMap(limitBlock)),
  };
  if (message.attachments) limited.attachments = message.attachments;
  return limited;
}

function limitBlock(block: KnownBlock): KnownBlock[] {
  switch (block.type) {
    case 'header':
      return [{ ...block, text: limitTextObject(block.text, BlockKitLimits.headerText) }];
    case 'section':
      return splitSectionFields(limitSection(block));
    case 'context':
      return [limitContext(block)];
    case 'actions':
      return [limitActions(block)];
    default:
      return [block];
  }
}

function limitSection(block: SectionBlock): SectionBlock {
  const limited: SectionBlock = { ...block };
  if (block.text) limited.text = limitTextObject(block.text, BlockKitLimits.sectionText);
  if (block.fields) limited.fields = block.fields.map((f) => limitTextObject(f, BlockKitLimits.fieldText));
  if (block.accessory) limited.accessory = limitElement(block.accessory);
  return limited;
}

/** More than 10 fields: the rest continue in further sections rather than being dropped. */
function splitSectionFields(block: SectionBlock): SectionBlock[] {
  const fields = block.fields ?? [];
  if (fields.length <= BlockKitLimits.fieldsPerSection) return [block];
  const sections: SectionBlock[] = [];
  for (let start = 0; start < fields.length; start += BlockKitLimits.fieldsPerSection) {
    const chunk = fields.slice(start, start + BlockKitLimits.fieldsPerSection);
    // block_id must stay unique within a message, so only the first section keeps it.
    sections.push(start === 0 ? { ...block, fields: chunk } : { type: 'section', fields: chunk });
  }
  return sections;
}

function limitContext(block: ContextBlock): ContextBlock {
  const elements = block.elements.slice(0, BlockKitLimits.contextElements).map((element) => {
    if (element.type === 'mrkdwn' || element.type === 'plain_text') {
      return limitTextObject(element, BlockKitLimits.contextText);
    }
    return element;
  });
  return { ...block, elements };
}

function limitActions(block: ActionsBlock): ActionsBlock {
  const elements = block.elements.slice(0, BlockKitLimits.actionsElements).map(limitElement);
  return { ...block, elements: elements as ActionsBlock['elements'] };
}

/**
 * Over 50 blocks: keep the head and the trailing actions block(s) — the buttons matter more than the
 * last details — and say how many blocks were left out.
 */
function limitBlockCount(blocks: KnownBlock[]): KnownBlock[] {
  if (blocks.length <= BlockKitLimits.blocksPerMessage) return blocks;
  let tailStart = blocks.length;
  while (tailStart > 0 && blocks[tailStart - 1]?.type === 'actions') tailStart -= 1;
  const tail = blocks.slice(tailStart);
  const room = BlockKitLimits.blocksPerMessage - tail.length - 1;
  const omitted = tailStart - room;
  const notice: ContextBlock = {
    type: 'context',
    elements: [{ type: 'mrkdwn', text: `${omitted} more blocks not shown${TruncationMarker}` }],
  };
  return [...blocks.slice(0, room), notice, ...tail];
}
