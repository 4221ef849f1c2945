import { convertMrkdwnToPlainText } from './plain-mrkdwn.ts';

/**
 * Readable terminal text of a Block Kit message, for the local stand-in for Slack. Input is `unknown`
 * because it prints whatever was posted, including messages this module did not render.
 */
export function renderBlocksAsPlainText(message: {
  text?: string;
  blocks?: unknown[];
  attachments?: unknown[];
}): string {
  const blocks = message.blocks ?? [];
  const lines = blocks.length > 0 ? blocks.flatMap(renderBlock) : renderFallback(message.text);
  for (const attachment of message.attachments ?? []) lines.push(...renderAttachment(attachment));
  return lines.join('\n');
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null;
}

function readString(value: unknown, key: string): string | undefined {
  return isObject(value) && typeof value[key] === 'string' ? value[key] : undefined;
}

function readArray(value: unknown, key: string): unknown[] {
  return isObject(value) && Array.isArray(value[key]) ? value[key] : [];
}

function renderFallback(text: string | undefined): string[] {
  return text ? [convertMrkdwnToPlainText(text)] : [];
}

/** A text object: mrkdwn is converted, plain_text printed as is. */
function renderTextObject(value: unknown): string {
  const text = readString(value, 'text') ?? '';
  return readString(value, 'type') === 'mrkdwn' ? convertMrkdwnToPlainText(text) : text;
}

function renderBlock(block: unknown): string[] {
  switch (readString(block, 'type')) {
    case 'header':
      return [`# ${renderTextObject(isObject(block) ? block.text : undefined)}`];
    case 'section':
      return renderSection(block as Json);
    case 'context':
      return [readArray(block, 'elements').map(renderContextElement).join(' ')];
    case 'actions':
      return [readArray(block, 'elements').map(renderElement).join(' ')];
    case 'divider':
      return ['---'];
    case 'markdown':
      return [readString(block, 'text') ?? ''];
    case 'image':
      return [`[image: ${readString(block, 'alt_text') ?? ''}]`];
    case 'rich_text':
      return [collectRichText(block)];
    default:
      return [];
  }
}

function renderSection(block: Json): string[] {
  const lines: string[] = [];
  if (block.text !== undefined) lines.push(renderTextObject(block.text));
  for (const field of readArray(block, 'fields')) lines.push(renderField(field));
  if (block.accessory !== undefined) lines.push(renderElement(block.accessory));
  return lines;
}

/** A field is usually "*Label*\nvalue": `Label: value`, further value lines indented under it. */
function renderField(field: unknown): string {
  return `  ${renderTextObject(field).replace('\n', ': ').replace(/\n/g, '\n    ')}`;
}

function renderContextElement(element: unknown): string {
  if (readString(element, 'type') === 'image') return `[image: ${readString(element, 'alt_text') ?? ''}]`;
  return renderTextObject(element);
}

/** Buttons as `[Label]`, link buttons as `Label <url>`, menus as `[Placeholder ▾]`. */
function renderElement(element: unknown): string {
  const type = readString(element, 'type');
  const label = isObject(element) ? renderTextObject(element.text) : '';
  if (type === 'button') {
    const url = readString(element, 'url');
    return url ? `${label} <${url}>` : `[${label}]`;
  }
  if (type?.endsWith('_select')) {
    const placeholder = isObject(element) ? renderTextObject(element.placeholder) : '';
    return `[${placeholder || 'Select'} ▾]`;
  }
  if (type === 'overflow') return '[⋯]';
  return `[${type ?? 'element'}]`;
}

/** rich_text nests sections, lists and quotes of text runs; their text joined is what a reader sees. */
function collectRichText(node: unknown): string {
  if (readString(node, 'type') === 'link') return readString(node, 'text') ?? readString(node, 'url') ?? '';
  const own = readString(node, 'text') ?? '';
  return own + readArray(node, 'elements').map(collectRichText).join('');
}

/** Attachments get a left bar, as Slack draws their colour strip. */
function renderAttachment(attachment: unknown): string[] {
  const blocks = readArray(attachment, 'blocks');
  const lines = blocks.length > 0 ? blocks.flatMap(renderBlock) : renderLegacyAttachment(attachment);
  return lines.flatMap((line) => line.split('\n')).map((line) => `│ ${line}`);
}

function renderLegacyAttachment(attachment: unknown): string[] {
  const lines = [
    readString(attachment, 'title'),
    readString(attachment, 'text') ?? readString(attachment, 'fallback'),
  ];
  for (const field of readArray(attachment, 'fields')) {
    lines.push(`  ${readString(field, 'title') ?? ''}: ${readString(field, 'value') ?? ''}`);
  }
  return lines.filter((line): line is string => line !== undefined).map(convertMrkdwnToPlainText);
}
