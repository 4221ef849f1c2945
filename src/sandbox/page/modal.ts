import type { RawViewInputs } from '../sandbox-view-state.ts';
import { asObject, asString, escapeHtml } from './html.ts';
import { postJson } from './page-api.ts';
import { renderBlocks } from './render-blocks.ts';
import { textOf } from './render-elements.ts';
import type { MrkdwnContext } from './render-mrkdwn.ts';

type Json = Record<string, unknown>;

/** Open modals, top last; Slack stacks pushed views the same way. */
const stack: Json[] = [];
let context: MrkdwnContext = { users: {} };

const root = () => document.getElementById('modal-root')!;

export function setModalContext(next: MrkdwnContext): void {
  context = next;
}

export function findModalView(viewId: string): Json | undefined {
  return stack.find((view) => view.id === viewId);
}

export function openModal(view: Json): void {
  stack.push(view);
  drawTop();
}

/** views.update (or response_action update) replaces a view in place, keeping its id. */
export function replaceModal(viewId: string, view: Json): void {
  const index = stack.findIndex((candidate) => candidate.id === viewId);
  if (index < 0) return;
  stack[index] = { ...view, id: viewId };
  if (index === stack.length - 1) drawTop();
}

function closeTop(): void {
  stack.pop();
  drawTop();
}

function drawTop(): void {
  const view = stack.at(-1);
  if (!view) {
    root().replaceChildren();
    return;
  }
  const title = escapeHtml(textOf(view.title));
  const close = escapeHtml(textOf(view.close) || 'Cancel');
  const submit = view.submit
    ? `<button type="submit" class="bk-button bk-primary">${escapeHtml(textOf(view.submit))}</button>`
    : '';
  root().innerHTML = `<div class="overlay"><form class="modal" role="dialog" aria-modal="true" aria-label="${title}" data-container="view" data-view-id="${escapeHtml(asString(view.id))}" novalidate>
    <header class="modal-title">${title}</header>
    <div class="modal-body">${renderBlocks(view.blocks, context)}</div>
    <footer class="modal-footer"><span class="modal-error" role="alert"></span><button type="button" class="bk-button modal-close">${close}</button>${submit}</footer>
  </form></div>`;
  const form = root().querySelector('form')!;
  form.querySelector('.modal-close')!.addEventListener('click', closeTop);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void submitTop(form, view);
  });
}

async function submitTop(form: HTMLFormElement, view: Json): Promise<void> {
  const missing = markMissingInputs(form);
  if (missing) return;
  const viewId = asString(view.id);
  const answer = await postJson('/sandbox/api/submit', { viewId, inputs: collectInputs(form) });
  if (!answer.ok) {
    form.querySelector('.modal-error')!.textContent =
      `Klaxon answered ${answer.status}: ${describe(answer.body)}`;
    return;
  }
  handleResponseAction(form, viewId, asObject(answer.body) ?? {});
}

/** What Slack does with the body of a view_submission acknowledgement. */
function handleResponseAction(form: HTMLFormElement, viewId: string, body: Json): void {
  const view = asObject(body.view);
  if (body.response_action === 'errors') showErrors(form, asObject(body.errors) ?? {});
  else if (body.response_action === 'update' && view) replaceModal(viewId, view);
  else if (body.response_action === 'push' && view) openModal({ ...view, id: `${viewId}-pushed` });
  else if (body.response_action === 'clear') {
    stack.length = 0;
    drawTop();
  } else closeTop();
}

function showErrors(form: HTMLFormElement, errors: Json): void {
  for (const input of Array.from(form.querySelectorAll<HTMLElement>('.bk-input'))) {
    const message = asString(errors[input.dataset.blockId ?? '']);
    input.querySelector('.bk-error')!.textContent = message;
    input.classList.toggle('has-error', message !== '');
  }
}

/** Slack refuses to submit while a required input is empty, without asking the app. */
function markMissingInputs(form: HTMLFormElement): boolean {
  let missing = false;
  for (const input of Array.from(form.querySelectorAll<HTMLElement>('.bk-input[data-required]'))) {
    const fields = Array.from(input.querySelectorAll<HTMLInputElement>('.bk-field'));
    const empty = fields.every((field) =>
      field.type === 'radio' || field.type === 'checkbox' ? !field.checked : field.value.trim() === '',
    );
    input.querySelector('.bk-error')!.textContent = empty ? 'Please complete this required field.' : '';
    input.classList.toggle('has-error', empty);
    missing ||= empty;
  }
  return missing;
}

/** block_id → action_id → what the user entered, the shape the sandbox turns into `view.state.values`. */
export function collectInputs(form: HTMLElement): RawViewInputs {
  const inputs: RawViewInputs = {};
  // Array.from: the project's tsconfig has no DOM.Iterable.
  for (const field of Array.from(form.querySelectorAll<HTMLInputElement>('.bk-field'))) {
    const blockId = field.dataset.inputBlock ?? '';
    const actionId = field.dataset.inputAction ?? '';
    const block = inputs[blockId] ?? {};
    inputs[blockId] = block;
    if (field.type === 'checkbox') {
      const chosen = Array.isArray(block[actionId]) ? (block[actionId] as string[]) : [];
      block[actionId] = field.checked ? [...chosen, field.value] : chosen;
    } else if (field.type === 'radio') {
      if (field.checked || !(actionId in block)) block[actionId] = field.checked ? field.value : null;
    } else if (field.type === 'datetime-local') {
      block[actionId] = field.value ? new Date(field.value).toISOString() : null;
    } else block[actionId] = field.value === '' ? null : field.value;
  }
  return inputs;
}

export function describe(body: unknown): string {
  return typeof body === 'string' ? body : JSON.stringify(body);
}
