import { blockIdOf } from '../sandbox-view-state.ts';
import { asArray, asObject, asString, escapeHtml } from './html.ts';
import { renderElement, renderImage, renderInputControl, textOf } from './render-elements.ts';
import { type MrkdwnContext, renderMrkdwn, renderPlainText } from './render-mrkdwn.ts';

type Json = Record<string, unknown>;

/** A text object: mrkdwn is parsed, plain_text is only escaped (and its emoji drawn). */
export function renderTextObject(value: unknown, context: MrkdwnContext): string {
  const text = asObject(value);
  if (!text) return '';
  const body = asString(text.text);
  return text.type === 'mrkdwn' ? renderMrkdwn(body, context) : renderPlainText(body);
}

/** Block Kit blocks to HTML as Slack lays them out; interactive elements carry their place for clicks. */
export function renderBlocks(blocks: unknown, context: MrkdwnContext): string {
  return asArray(blocks)
    .map((block, index) => renderBlock(asObject(block) ?? {}, index, context))
    .join('');
}

function renderBlock(block: Json, index: number, context: MrkdwnContext): string {
  switch (block.type) {
    case 'header':
      return `<div class="bk-header">${renderPlainText(textOf(block.text))}</div>`;
    case 'section':
      return renderSection(block, index, context);
    case 'context':
      return renderContext(block, context);
    case 'divider':
      return '<hr class="bk-divider">';
    case 'actions':
      return renderActions(block, index);
    case 'image':
      return renderImageBlock(block, context);
    case 'input':
      return renderInput(block, index, context);
    case 'rich_text':
      return `<div class="bk-section">${escapeHtml(collectRichText(block))}</div>`;
    default:
      return `<div class="bk-unsupported">${escapeHtml(asString(block.type))} block (not drawn by the sandbox)</div>`;
  }
}

function renderSection(block: Json, index: number, context: MrkdwnContext): string {
  const text = block.text ? `<div class="bk-text">${renderTextObject(block.text, context)}</div>` : '';
  const fields = asArray(block.fields).map(
    (field) => `<div class="bk-field-text">${renderTextObject(field, context)}</div>`,
  );
  const fieldGrid = fields.length > 0 ? `<div class="bk-fields">${fields.join('')}</div>` : '';
  const accessory = asObject(block.accessory);
  const side = accessory
    ? `<div class="bk-accessory">${renderElement(accessory, { blockIndex: index, element: 'accessory' })}</div>`
    : '';
  return `<div class="bk-section"><div class="bk-section-body">${text}${fieldGrid}</div>${side}</div>`;
}

function renderContext(block: Json, context: MrkdwnContext): string {
  const parts = asArray(block.elements).map((value) => {
    const element = asObject(value) ?? {};
    if (element.type === 'image') return renderImage(element, 'bk-context-image');
    return `<span>${renderTextObject(element, context)}</span>`;
  });
  return `<div class="bk-context">${parts.join('')}</div>`;
}

function renderActions(block: Json, index: number): string {
  const elements = asArray(block.elements).map((value, position) =>
    renderElement(asObject(value) ?? {}, { blockIndex: index, element: position }),
  );
  return `<div class="bk-actions">${elements.join('')}</div>`;
}

function renderImageBlock(block: Json, context: MrkdwnContext): string {
  const title = block.title
    ? `<div class="bk-image-title">${renderTextObject(block.title, context)}</div>`
    : '';
  return `<figure class="bk-image">${title}${renderImage(block, 'bk-image-full')}</figure>`;
}

/** An input block of a modal: label, control, hint, and a slot for the error Klaxon may answer with. */
function renderInput(block: Json, index: number, context: MrkdwnContext): string {
  const blockId = blockIdOf(block, index);
  const optional = block.optional === true ? ' <span class="bk-optional">(optional)</span>' : '';
  const label = `<label class="bk-label">${renderPlainText(textOf(block.label))}${optional}</label>`;
  const control = renderInputControl(asObject(block.element) ?? {}, blockId, index);
  const hint = block.hint ? `<div class="bk-hint">${renderTextObject(block.hint, context)}</div>` : '';
  const required = block.optional === true ? '' : ' data-required="true"';
  const error = '<div class="bk-error" role="alert"></div>';
  return `<div class="bk-input" data-block-id="${escapeHtml(blockId)}"${required}>${label}${control}${hint}${error}</div>`;
}

/** rich_text is drawn as its plain words: Klaxon does not post it, but people may paste it into tests. */
function collectRichText(value: unknown): string {
  const node = asObject(value);
  if (!node) return '';
  if (typeof node.text === 'string') return node.text;
  return asArray(node.elements)
    .map(collectRichText)
    .join(node.type === 'rich_text' ? '\n' : '');
}
