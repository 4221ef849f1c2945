import type { ActionsBlock, ContextBlock, KnownBlock, SectionBlock } from '@slack/types';
import { limitElement, limitTextObject, mapUnlessSame } from './limit-elements.ts';
import type { SlackMessage } from './slack-message.ts';
import { BlockKitLimits, TruncationMarker, truncateText } from './text-limits.ts';

export { BlockKitLimits, TruncationMarker, truncateText };

/**
 * Applies every limit to a message; all renderers return through this. Almost every message is within every
 * limit, so a part is copied only where something is cut: the check allocates nothing for the rest.
 */
export function enforceMessageLimits(message: SlackMessage): SlackMessage {
  const text = message.text.trim() === '' ? 'Klaxon alert' : message.text;
  const limited: SlackMessage = {
    text: truncateText(text, BlockKitLimits.topLevelText, 'mrkdwn'),
    blocks: limitBlockCount(limitBlocks(message.blocks)),
  };
  if (message.attachments) limited.attachments = message.attachments;
  return limited;
}

function limitBlocks(blocks: KnownBlock[]): KnownBlock[] {
  const limited: KnownBlock[] = [];
  for (const block of blocks) {
    const result = limitBlock(block);
    if (Array.isArray(result)) limited.push(...result);
    else limited.push(result);
  }
  return limited;
}

/** One block, or the sections a block with too many fields becomes. */
function limitBlock(block: KnownBlock): KnownBlock | KnownBlock[] {
  switch (block.type) {
    case 'header': {
      const text = limitTextObject(block.text, BlockKitLimits.headerText);
      return text === block.text ? block : { ...block, text };
    }
    case 'section':
      return splitSectionFields(limitSection(block));
    case 'context':
      return limitContext(block);
    case 'actions':
      return limitActions(block);
    default:
      return block;
  }
}

function limitSection(block: SectionBlock): SectionBlock {
  const text = block.text && limitTextObject(block.text, BlockKitLimits.sectionText);
  const fields =
    block.fields && mapUnlessSame(block.fields, (f) => limitTextObject(f, BlockKitLimits.fieldText));
  const accessory = block.accessory && limitElement(block.accessory);
  if (text === block.text && fields === block.fields && accessory === block.accessory) return block;
  const limited: SectionBlock = { ...block };
  if (text) limited.text = text;
  if (fields) limited.fields = fields;
  if (accessory) limited.accessory = accessory;
  return limited;
}

/** More than 10 fields: the rest continue in further sections rather than being dropped. */
function splitSectionFields(block: SectionBlock): SectionBlock | SectionBlock[] {
  const fields = block.fields ?? [];
  if (fields.length <= BlockKitLimits.fieldsPerSection) return block;
  const sections: SectionBlock[] = [];
  for (let start = 0; start < fields.length; start += BlockKitLimits.fieldsPerSection) {
    const chunk = fields.slice(start, start + BlockKitLimits.fieldsPerSection);
    // block_id must stay unique within a message, so only the first section keeps it.
    sections.push(start === 0 ? { ...block, fields: chunk } : { type: 'section', fields: chunk });
  }
  return sections;
}

function limitContext(block: ContextBlock): ContextBlock {
  const elements = mapUnlessSame(capped(block.elements, BlockKitLimits.contextElements), (element) => {
    if (element.type === 'mrkdwn' || element.type === 'plain_text') {
      return limitTextObject(element, BlockKitLimits.contextText);
    }
    return element;
  });
  return elements === block.elements ? block : { ...block, elements };
}

function limitActions(block: ActionsBlock): ActionsBlock {
  const elements = mapUnlessSame(capped(block.elements, BlockKitLimits.actionsElements), limitElement);
  return elements === block.elements ? block : { ...block, elements };
}

function capped<T>(items: T[], max: number): T[] {
  return items.length <= max ? items : items.slice(0, max);
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
