import { actionIdOf } from '../sandbox-view-state.ts';
import { asArray, asObject, asString, escapeHtml, isSafeUrl } from './html.ts';
import { renderPlainText } from './render-mrkdwn.ts';

type Json = Record<string, unknown>;

/** Where an interactive element sits: its block's index and its index in `elements`, or the accessory. */
export interface ElementPlace {
  blockIndex: number;
  element: number | 'accessory';
}

export function textOf(value: unknown): string {
  return asString(asObject(value)?.text);
}

function placeAttributes(place: ElementPlace): string {
  return `data-block-index="${place.blockIndex}" data-element="${escapeHtml(String(place.element))}"`;
}

/** An interactive element of a message, Home tab or modal (buttons, menus) or an image accessory. */
export function renderElement(element: Json, place: ElementPlace): string {
  switch (element.type) {
    case 'button':
      return renderButton(element, place);
    case 'static_select':
      return renderSelect(element, place);
    case 'overflow':
      return renderOverflow(element, place);
    case 'image':
      return renderImage(element, 'bk-accessory-image');
    default:
      return `<span class="bk-unsupported">${escapeHtml(asString(element.type))} (not drawn by the sandbox)</span>`;
  }
}

function renderButton(element: Json, place: ElementPlace): string {
  const style = element.style === 'primary' || element.style === 'danger' ? ` bk-${element.style}` : '';
  const url = asString(element.url);
  const link = url && isSafeUrl(url) ? ` data-url="${escapeHtml(url)}"` : '';
  const label = renderPlainText(textOf(element.text));
  return `<button type="button" class="bk-button${style}" data-kind="action" ${placeAttributes(place)}${link}>${label}</button>`;
}

function renderOptions(element: Json, selectedValue?: string): string {
  const option = (value: unknown) => {
    const entry = asObject(value) ?? {};
    const selected = entry.value === selectedValue ? ' selected' : '';
    return `<option value="${escapeHtml(asString(entry.value))}"${selected}>${renderPlainText(textOf(entry.text))}</option>`;
  };
  const groups = asArray(element.option_groups).map((group) => {
    const label = escapeHtml(textOf(asObject(group)?.label));
    return `<optgroup label="${label}">${asArray(asObject(group)?.options).map(option).join('')}</optgroup>`;
  });
  return asArray(element.options).map(option).join('') + groups.join('');
}

function renderSelect(element: Json, place: ElementPlace): string {
  const placeholder = renderPlainText(textOf(element.placeholder) || 'Select an item');
  const initial = asString(asObject(element.initial_option)?.value);
  const empty = `<option value=""${initial ? '' : ' selected'} disabled>${placeholder}</option>`;
  return `<select class="bk-select" data-kind="action" ${placeAttributes(place)}>${empty}${renderOptions(element, initial)}</select>`;
}

// <details> opens and closes the menu without any script.
function renderOverflow(element: Json, place: ElementPlace): string {
  const items = asArray(element.options).map((value) => {
    const entry = asObject(value) ?? {};
    const data = `data-value="${escapeHtml(asString(entry.value))}"`;
    return `<button type="button" class="bk-menu-item" data-kind="action" ${placeAttributes(place)} ${data}>${renderPlainText(textOf(entry.text))}</button>`;
  });
  return `<details class="bk-overflow"><summary aria-label="More actions">⋯</summary><div class="bk-menu">${items.join('')}</div></details>`;
}

export function renderImage(element: Json, className: string): string {
  const url = asString(element.image_url);
  const alt = escapeHtml(asString(element.alt_text));
  if (!/^https?:/i.test(url)) return `<span class="bk-image-missing">${alt}</span>`;
  return `<img class="${className}" src="${escapeHtml(url)}" alt="${alt}" loading="lazy">`;
}

/** The form control for an input block's element in a modal, named by block and action id for submission. */
export function renderInputControl(element: Json, blockId: string, index: number): string {
  const actionId = actionIdOf(element, index);
  const names = `data-input-block="${escapeHtml(blockId)}" data-input-action="${escapeHtml(actionId)}"`;
  const placeholder = escapeHtml(textOf(element.placeholder));
  const initial = escapeHtml(asString(element.initial_value));
  const common = `class="bk-field" ${names} placeholder="${placeholder}"`;
  switch (element.type) {
    case 'plain_text_input':
      return element.multiline
        ? `<textarea ${common} rows="4">${initial}</textarea>`
        : `<input type="text" ${common} value="${initial}">`;
    case 'number_input':
      return `<input type="number" ${common} step="${element.is_decimal_allowed ? 'any' : '1'}" value="${initial}">`;
    case 'static_select':
      return `<select ${common}><option value="">${placeholder || 'Select an item'}</option>${renderOptions(element, asString(asObject(element.initial_option)?.value))}</select>`;
    case 'radio_buttons':
    case 'checkboxes':
      return renderChoices(element, names, `${blockId}/${actionId}`);
    case 'datepicker':
      return `<input type="date" ${common} value="${escapeHtml(asString(element.initial_date))}">`;
    case 'timepicker':
      return `<input type="time" ${common} value="${escapeHtml(asString(element.initial_time))}">`;
    case 'datetimepicker':
      return `<input type="datetime-local" ${common}>`;
    default:
      return `<input type="text" ${common} value="${initial}">`;
  }
}

function renderChoices(element: Json, names: string, groupName: string): string {
  const type = element.type === 'radio_buttons' ? 'radio' : 'checkbox';
  const group = escapeHtml(groupName);
  return asArray(element.options)
    .map((value) => {
      const entry = asObject(value) ?? {};
      const input = `<input type="${type}" class="bk-field" ${names} name="${group}" value="${escapeHtml(asString(entry.value))}">`;
      return `<label class="bk-choice">${input} ${renderPlainText(textOf(entry.text))}</label>`;
    })
    .join('');
}
