import type { Button, ConfirmationDialog, PlainTextOption, StaticSelect, TextObject } from '@slack/types';
import { BlockKitLimits, truncateText } from './text-limits.ts';

/** Truncates a text object to `max`, honouring whether it is mrkdwn (token-aware) or plain text. */
export function limitTextObject<T extends TextObject>(textObject: T, max: number): T {
  const text = truncateText(textObject.text, max, textObject.type);
  return text === textObject.text ? textObject : { ...textObject, text };
}

/** `items` mapped by `limit`, or `items` itself when `limit` changed none of them: nothing to copy. */
export function mapUnlessSame<T>(items: T[], limit: (item: T) => T): T[] {
  for (let index = 0; index < items.length; index++) {
    const item = items[index] as T;
    const limited = limit(item);
    if (limited !== item) {
      const copy = items.slice();
      copy[index] = limited;
      for (let rest = index + 1; rest < items.length; rest++) copy[rest] = limit(items[rest] as T);
      return copy;
    }
  }
  return items;
}

/**
 * Limits on interactive elements. A too-long value is truncated like any text: its decoder then rejects it,
 * which fails closed instead of acting on a value that is not what was rendered.
 */
export function limitElement<T extends { type: string }>(element: T): T {
  if (isButton(element)) return limitButton(element) as unknown as T;
  if (isStaticSelect(element)) return limitStaticSelect(element) as unknown as T;
  return element;
}

function isButton(element: { type: string }): element is Button {
  return element.type === 'button';
}

function isStaticSelect(element: { type: string }): element is StaticSelect {
  return element.type === 'static_select';
}

function limitButton(button: Button): Button {
  const text = limitTextObject(button.text, BlockKitLimits.buttonText);
  const value =
    button.value === undefined ? undefined : truncateText(button.value, BlockKitLimits.buttonValue);
  const confirm = button.confirm && limitConfirm(button.confirm);
  if (text === button.text && value === button.value && confirm === button.confirm) return button;
  const limited: Button = { ...button, text };
  if (value !== undefined) limited.value = value;
  if (confirm) limited.confirm = confirm;
  return limited;
}

function limitStaticSelect(select: StaticSelect): StaticSelect {
  const placeholder =
    select.placeholder && limitTextObject(select.placeholder, BlockKitLimits.placeholderText);
  const options = select.options && mapUnlessSame(select.options, limitOption);
  const confirm = select.confirm && limitConfirm(select.confirm);
  if (placeholder === select.placeholder && options === select.options && confirm === select.confirm) {
    return select;
  }
  const limited: StaticSelect = { ...select };
  if (placeholder) limited.placeholder = placeholder;
  if (options) limited.options = options;
  if (confirm) limited.confirm = confirm;
  return limited;
}

function limitOption(option: PlainTextOption): PlainTextOption {
  const text = limitTextObject(option.text, BlockKitLimits.optionText);
  const value =
    option.value === undefined ? undefined : truncateText(option.value, BlockKitLimits.optionValue);
  if (text === option.text && value === option.value) return option;
  const limited: PlainTextOption = { ...option, text };
  if (value !== undefined) limited.value = value;
  return limited;
}

function limitConfirm(confirm: ConfirmationDialog): ConfirmationDialog {
  const text = limitTextObject(confirm.text, BlockKitLimits.confirmText);
  const title = confirm.title && limitTextObject(confirm.title, BlockKitLimits.confirmTitle);
  const yes = confirm.confirm && limitTextObject(confirm.confirm, BlockKitLimits.confirmButton);
  const deny = confirm.deny && limitTextObject(confirm.deny, BlockKitLimits.confirmButton);
  if (text === confirm.text && title === confirm.title && yes === confirm.confirm && deny === confirm.deny) {
    return confirm;
  }
  const limited: ConfirmationDialog = { ...confirm, text };
  if (title) limited.title = title;
  if (yes) limited.confirm = yes;
  if (deny) limited.deny = deny;
  return limited;
}
