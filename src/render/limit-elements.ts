import type { Button, ConfirmationDialog, PlainTextOption, StaticSelect, TextObject } from '@slack/types';
import { BlockKitLimits, truncateText } from './text-limits.ts';

/** Truncates a text object to `max`, honouring whether it is mrkdwn (token-aware) or plain text. */
export function limitTextObject<T extends TextObject>(textObject: T, max: number): T {
  return { ...textObject, text: truncateText(textObject.text, max, textObject.type) };
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
  const limited: Button = { ...button, text: limitTextObject(button.text, BlockKitLimits.buttonText) };
  if (button.value !== undefined) limited.value = truncateText(button.value, BlockKitLimits.buttonValue);
  if (button.confirm) limited.confirm = limitConfirm(button.confirm);
  return limited;
}

function limitStaticSelect(select: StaticSelect): StaticSelect {
  const limited: StaticSelect = { ...select };
  if (select.placeholder)
    limited.placeholder = limitTextObject(select.placeholder, BlockKitLimits.placeholderText);
  if (select.options) limited.options = select.options.map(limitOption);
  if (select.confirm) limited.confirm = limitConfirm(select.confirm);
  return limited;
}

function limitOption(option: PlainTextOption): PlainTextOption {
  const limited: PlainTextOption = {
    ...option,
    text: limitTextObject(option.text, BlockKitLimits.optionText),
  };
  if (option.value !== undefined) limited.value = truncateText(option.value, BlockKitLimits.optionValue);
  return limited;
}

function limitConfirm(confirm: ConfirmationDialog): ConfirmationDialog {
  const limited: ConfirmationDialog = {
    ...confirm,
    text: limitTextObject(confirm.text, BlockKitLimits.confirmText),
  };
  if (confirm.title) limited.title = limitTextObject(confirm.title, BlockKitLimits.confirmTitle);
  if (confirm.confirm) limited.confirm = limitTextObject(confirm.confirm, BlockKitLimits.confirmButton);
  if (confirm.deny) limited.deny = limitTextObject(confirm.deny, BlockKitLimits.confirmButton);
  return limited;
}
