import { advancePageClock, describePageClock } from './clock.ts';
import { asObject, asString, escapeHtml } from './html.ts';
import { describe, openModal, replaceModal, setModalContext } from './modal.ts';
import { sendElementAction } from './page-actions.ts';
import { fetchState, type PageState, postJson } from './page-api.ts';
import { renderBlocks } from './render-blocks.ts';
import type { MrkdwnContext } from './render-mrkdwn.ts';
import { renderTimeline } from './render-timeline.ts';

const HOME = 'home';

const page = {
  state: undefined as PageState | undefined,
  selected: '',
  openThreads: new Set<string>(),
};

const byId = (id: string) => document.getElementById(id)!;

function mrkdwnContext(): MrkdwnContext {
  const now = Date.parse(page.state?.clock?.now ?? '');
  return { users: page.state?.users ?? {}, ...(Number.isNaN(now) ? {} : { now }) };
}

function report(text: string, isError = false): void {
  const status = byId('status');
  status.textContent = text;
  status.classList.toggle('error', isError);
}

let refreshes = 0;

async function refresh(): Promise<void> {
  // Events arrive in bursts; only the newest answer is drawn, so an older one never overwrites it.
  const mine = ++refreshes;
  const state = await fetchState();
  if (mine !== refreshes) return;
  page.state = state;
  const channels = page.state.channels;
  const current = channels.find((channel) => channel.id === page.selected);
  // Follow Klaxon to the channel it posts in while the one shown is still empty.
  if (page.selected !== HOME && (!current || current.messages.length === 0)) {
    page.selected = (channels.find((channel) => channel.messages.length > 0) ?? channels[0])?.id ?? '';
  }
  setModalContext(mrkdwnContext());
  draw();
}

function draw(): void {
  const state = page.state;
  if (!state) return;
  const items = state.channels.map((channel) => navItem(channel.id, `# ${channel.name}`));
  byId('channels').innerHTML = items.join('') + navItem(HOME, '🏠 Klaxon — Home');
  byId('samples').innerHTML = state.samples
    .map(
      (s) =>
        `<button type="button" class="sample" data-sample="${escapeHtml(s.id)}">${escapeHtml(s.label)}</button>`,
    )
    .join('');
  byId('clock').textContent = describePageClock(state.clock);
  if (page.selected === HOME) drawHome(state);
  else drawChannel(state);
}

function navItem(id: string, label: string): string {
  const current = id === page.selected ? ' aria-current="page"' : '';
  return `<button type="button" class="nav-item" data-nav="${escapeHtml(id)}"${current}>${escapeHtml(label)}</button>`;
}

function drawChannel(state: PageState): void {
  const channel = state.channels.find((candidate) => candidate.id === page.selected);
  byId('channel-title').textContent = channel ? `# ${channel.name}` : '';
  const timeline = byId('timeline');
  const atBottom = timeline.scrollHeight - timeline.scrollTop - timeline.clientHeight < 40;
  timeline.innerHTML = channel
    ? renderTimeline(channel, state.ephemerals, { ...mrkdwnContext(), openThreads: page.openThreads })
    : '';
  if (atBottom) timeline.scrollTop = timeline.scrollHeight;
}

function drawHome(state: PageState): void {
  byId('channel-title').textContent = 'Klaxon — Home';
  const home = state.home;
  byId('timeline').innerHTML = home
    ? `<div class="home" data-container="view" data-view-id="${escapeHtml(asString(home.id))}">${renderBlocks(home.blocks, mrkdwnContext())}</div>`
    : '<p class="empty">Klaxon has not published a Home tab yet.</p>';
}

/** What Klaxon did with it (new-alert, silenced…): the sandbox hands back /sns's answer as `{ status, body }`. */
function outcomeOf(body: unknown): string {
  const answer = asObject(body);
  return asString(asObject(answer?.body)?.outcome ?? answer?.outcome);
}

async function fireSample(sample: string): Promise<void> {
  report(`Sending ${sample} to POST /sns…`);
  const answer = await postJson('/sandbox/api/fire', { sample });
  const outcome = outcomeOf(answer.body);
  report(`${sample}: Klaxon answered ${answer.status}${outcome ? ` (${outcome})` : ''}`, !answer.ok);
}

/** Sends what was pasted as an SNS notification: the way to see how Klaxon reads your own event. */
async function firePasted(): Promise<void> {
  const input = byId('paste-input') as HTMLTextAreaElement;
  const subject = (byId('paste-subject') as HTMLInputElement).value.trim();
  if (input.value.trim() === '') return report('Paste a message first.', true);
  report('Sending the pasted message to POST /sns…');
  const answer = await postJson('/sandbox/api/fire-pasted', {
    message: input.value,
    ...(subject ? { subject } : {}),
  });
  const outcome = outcomeOf(answer.body);
  report(`Pasted message: Klaxon answered ${answer.status}${outcome ? ` (${outcome})` : ''}`, !answer.ok);
  if (!answer.ok) report(`Pasted message: ${describe(answer.body)}`, true);
}

async function sendCommand(input: HTMLInputElement): Promise<void> {
  const text = input.value.trim().replace(/^\/klaxon\b\s*/, '');
  const channel = page.selected === HOME ? (page.state?.channels[0]?.id ?? '') : page.selected;
  input.value = '';
  const answer = await postJson('/sandbox/api/command', { channel, text });
  report(`/klaxon ${text}: Klaxon answered ${answer.status}`, !answer.ok);
  if (!answer.ok) report(`/klaxon ${text}: ${describe(answer.body)}`, true);
}

async function openHome(): Promise<void> {
  page.selected = HOME;
  draw();
  const answer = await postJson('/sandbox/api/home', {});
  if (!answer.ok) report(`app_home_opened: Klaxon answered ${answer.status}`, true);
}

function onClick(event: MouseEvent): void {
  const element = event.target instanceof HTMLElement ? event.target : undefined;
  const nav = element?.closest<HTMLElement>('[data-nav]');
  const sample = element?.closest<HTMLElement>('[data-sample]');
  const thread = element?.closest<HTMLElement>('[data-thread-ts]');
  const action = element?.closest<HTMLElement>('button[data-kind="action"]');
  const advance = element?.closest<HTMLElement>('[data-advance]');
  if (advance) return void advancePageClock(Number(advance.dataset.advance), report).then(refresh);
  if (nav?.dataset.nav === HOME) void openHome();
  else if (nav) {
    page.selected = nav.dataset.nav ?? '';
    draw();
  } else if (sample) void fireSample(sample.dataset.sample ?? '');
  else if (thread) toggleThread(thread.dataset.threadTs ?? '');
  else if (action) void sendElementAction(action, host);
}

function toggleThread(ts: string): void {
  if (!page.openThreads.delete(ts)) page.openThreads.add(ts);
  draw();
}

const host = { state: () => page.state, context: mrkdwnContext, report };

/** Live updates: every change in the fake Slack redraws from fresh state; views open as modals. */
function listen(): void {
  const events = new EventSource('/sandbox/events');
  const redraw = () => void refresh();
  for (const name of [
    'ready',
    'message-posted',
    'message-updated',
    'message-deleted',
    'ephemeral',
    'home-published',
  ]) {
    events.addEventListener(name, redraw);
  }
  events.addEventListener('view-opened', (event) => {
    const stored = JSON.parse((event as MessageEvent<string>).data) as {
      id: string;
      view: Record<string, unknown>;
    };
    openModal({ ...stored.view, id: stored.id });
  });
  events.addEventListener('view-updated', (event) => {
    const stored = JSON.parse((event as MessageEvent<string>).data) as {
      id: string;
      view: Record<string, unknown>;
    };
    replaceModal(stored.id, stored.view);
    redraw();
  });
}

document.addEventListener('click', onClick);
document.addEventListener('change', (event) => {
  const select = event.target instanceof HTMLSelectElement ? event.target : undefined;
  if (select?.dataset.kind === 'action') void sendElementAction(select, host);
});
byId('paste-form').addEventListener('submit', (event) => {
  event.preventDefault();
  void firePasted();
});
byId('command-form').addEventListener('submit', (event) => {
  event.preventDefault();
  void sendCommand(byId('command-input') as HTMLInputElement);
});
listen();
