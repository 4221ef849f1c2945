// Slack rejects oversized Block Kit payloads with `invalid_blocks`; checking the same limits here makes tests
// and the sandbox fail the way production would instead of silently accepting what Slack refuses.
export const BLOCK_LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  headerText: 150,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  blockId: 255,
  actionsElements: 25,
  contextElements: 10,
} as const;

type Check = string | undefined;
type Node = Record<string, unknown>;

/** Returns Slack-style error text (`... [json-pointer:/blocks/0/text/text]`) or undefined when valid. */
export function findBlocksError(blocks: unknown, maxBlocks: number): Check {
  if (!Array.isArray(blocks)) return 'must be an array [json-pointer:/blocks]';
  if (blocks.length > maxBlocks) return `must provide no more than ${maxBlocks} items [json-pointer:/blocks]`;
  for (const [index, block] of blocks.entries()) {
    const error = checkBlock(block, `/blocks/${index}`);
    if (error) return error;
  }
  return undefined;
}

function checkBlock(block: unknown, pointer: string): Check {
  if (!isNode(block) || typeof block.type !== 'string')
    return `missing required field: type [json-pointer:${pointer}]`;
  const blockIdError = checkLength(block.block_id, BLOCK_LIMITS.blockId, `${pointer}/block_id`);
  if (blockIdError) return blockIdError;
  switch (block.type) {
    case 'section':
      return checkSection(block, pointer);
    case 'header':
      return checkText(block.text, BLOCK_LIMITS.headerText, `${pointer}/text`);
    case 'actions':
      return checkElements(block.elements, BLOCK_LIMITS.actionsElements, `${pointer}/elements`);
    case 'context':
      return checkElements(block.elements, BLOCK_LIMITS.contextElements, `${pointer}/elements`);
    default:
      return undefined;
  }
}

function checkSection(block: Node, pointer: string): Check {
  if (block.text === undefined && block.fields === undefined) {
    return `must provide either text or fields [json-pointer:${pointer}]`;
  }
  const textError = checkText(block.text, BLOCK_LIMITS.sectionText, `${pointer}/text`);
  if (textError) return textError;
  const fields = Array.isArray(block.fields) ? block.fields : [];
  if (fields.length > BLOCK_LIMITS.sectionFields) {
    return `must provide no more than ${BLOCK_LIMITS.sectionFields} items [json-pointer:${pointer}/fields]`;
  }
  for (const [index, field] of fields.entries()) {
    const error = checkText(field, BLOCK_LIMITS.fieldText, `${pointer}/fields/${index}`);
    if (error) return error;
  }
  return block.accessory === undefined ? undefined : checkElement(block.accessory, `${pointer}/accessory`);
}

function checkElements(elements: unknown, max: number, pointer: string): Check {
  if (!Array.isArray(elements)) return `must be an array [json-pointer:${pointer}]`;
  if (elements.length > max) return `must provide no more than ${max} items [json-pointer:${pointer}]`;
  for (const [index, element] of elements.entries()) {
    const error = checkElement(element, `${pointer}/${index}`);
    if (error) return error;
  }
  return undefined;
}

function checkElement(element: unknown, pointer: string): Check {
  if (!isNode(element)) return `must be an object [json-pointer:${pointer}]`;
  const actionIdError = checkLength(element.action_id, BLOCK_LIMITS.actionId, `${pointer}/action_id`);
  if (actionIdError || element.type !== 'button') return actionIdError;
  return (
    checkText(element.text, BLOCK_LIMITS.buttonText, `${pointer}/text`) ??
    checkLength(element.value, BLOCK_LIMITS.buttonValue, `${pointer}/value`)
  );
}

function checkText(text: unknown, max: number, pointer: string): Check {
  if (text === undefined) return undefined;
  if (!isNode(text) || typeof text.text !== 'string')
    return `must be a text object [json-pointer:${pointer}]`;
  return checkLength(text.text, max, `${pointer}/text`);
}

function checkLength(value: unknown, max: number, pointer: string): Check {
  if (typeof value !== 'string' || value.length <= max) return undefined;
  return `must be less than ${max + 1} characters [json-pointer:${pointer}]`;
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
