import { escapeHtml } from './html.ts';
import { renderTextObject } from './render-blocks.ts';
import { textOf } from './render-elements.ts';
import type { MrkdwnContext } from './render-mrkdwn.ts';

type Json = Record<string, unknown>;

/** Slack's confirmation dialog for an element with `confirm`: resolves true only if the user confirms. */
export function askConfirm(confirm: Json, context: MrkdwnContext): Promise<boolean> {
  const root = document.getElementById('confirm-root')!;
  const style = confirm.style === 'danger' ? ' bk-danger' : ' bk-primary';
  root.innerHTML = `<div class="overlay"><div class="modal confirm" role="alertdialog" aria-modal="true" aria-label="${escapeHtml(textOf(confirm.title))}">
    <header class="modal-title">${escapeHtml(textOf(confirm.title) || 'Are you sure?')}</header>
    <div class="modal-body">${renderTextObject(confirm.text, context)}</div>
    <footer class="modal-footer"><button type="button" class="bk-button confirm-deny">${escapeHtml(textOf(confirm.deny) || 'Cancel')}</button><button type="button" class="bk-button confirm-accept${style}">${escapeHtml(textOf(confirm.confirm) || 'Yes')}</button></footer>
  </div></div>`;
  return new Promise((resolve) => {
    const answer = (value: boolean) => () => {
      root.replaceChildren();
      resolve(value);
    };
    root.querySelector('.confirm-deny')!.addEventListener('click', answer(false));
    root.querySelector('.confirm-accept')!.addEventListener('click', answer(true));
  });
}
