import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type RunningKlaxon, startServer } from '../../src/app/start-server.ts';
import { parseConfig } from '../../src/config/load-config.ts';
import { loadSettings } from '../../src/config/load-settings.ts';
import { createSilentLogger } from '../../src/observability/logger.ts';

const chromiumPath = '/usr/bin/chromium';
const artifactsDir = 'test-artifacts/sandbox';
const readmeScreenshot = 'docs/sandbox.png';
// Enough for a cold Chromium start and esbuild's first bundle of the page on a 2-core machine.
const stepTimeoutMs = 15_000;

/**
 * The sandbox page end to end in headless Chromium: the real server in local mode (fake Slack, sandbox SNS
 * key) on DynamoDB Local; the page fires a sample alarm through POST /sns, clicks Acknowledge (a signed
 * block_actions to /slack/events) and fires OK, and sees each change arrive over the event stream.
 */
const sandboxSettings = {
  PORT: '0',
  KLAXON_DATA_DIR: mkdtempSync(join(tmpdir(), 'klaxon-sandbox-e2e-')),
  KLAXON_TABLE_NAME: `sandbox-e2e-${randomUUID()}`,
};

/** The same data directory and table each time, as `npm start` run twice in one clone. */
function startSandbox(): Promise<RunningKlaxon> {
  const settings = loadSettings({ ...sandboxSettings, KLAXON_DYNAMODB_ENDPOINT: inject('dynamoEndpoint') });
  return startServer(settings, parseConfig({}, 'test'), createSilentLogger(), () => undefined);
}

describe('sandbox page', () => {
  let running: RunningKlaxon;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    // `npm test` installs it beforehand (pretest: scripts/ensure-chromium.mjs); this covers a direct vitest run.
    execFileSync(process.execPath, ['scripts/ensure-chromium.mjs'], { stdio: 'inherit' });
    if (!existsSync(chromiumPath))
      throw new Error(`no Chromium at ${chromiumPath}: apt-get install chromium`);
    mkdirSync(artifactsDir, { recursive: true });
    running = await startSandbox();
    // launch() runs Chromium on a fresh temporary profile (its --user-data-dir) and deletes it on close.
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
    page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    page.setDefaultTimeout(stepTimeoutMs);
  });

  afterAll(async () => {
    await browser?.close();
    await running?.stop();
  });

  it('fires an alarm, acknowledges it and sees it resolved', async () => {
    await page.goto(`${running.url}/sandbox`);
    await fireSample(page, 'CloudWatch alarm');
    const alert = page.locator('article.message', { hasText: 'EC2-CPU' }).first();
    // A firing alarm is high severity: orange (red is for critical).
    await waitForText(alert.locator('.bk-header'), '🟠');
    await page.screenshot({ path: `${artifactsDir}/1-alarm.png` });
    // The README's picture, taken afresh by every run: today's messages, the alert enriched in its thread.
    await alert.locator('.thread-toggle').first().click();
    await alert.locator('.thread figure.file-image img').first().waitFor({ state: 'visible' });
    await waitForText(alert.locator('.thread'), '[sample] Changes in the hour before the alert');
    await alert.evaluate((element) => element.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: readmeScreenshot });
    await alert.locator('.thread-toggle').first().click();
    await alert.locator('.thread').waitFor({ state: 'detached' });

    await alert.getByRole('button', { name: 'Acknowledge' }).click();
    await waitForText(alert, 'Acknowledged by');
    expect(await alert.getByRole('button', { name: 'Unacknowledge' }).count()).toBe(1);
    await page.screenshot({ path: `${artifactsDir}/2-acknowledged.png` });

    await fireSample(page, 'Alarm OK');
    await waitForText(alert.locator('.blocks').first(), 'Resolved');
    await waitForText(alert.locator('.bk-header'), '🟢');
    await page.screenshot({ path: `${artifactsDir}/3-resolved.png` });
    await alert.locator('.thread-toggle').first().click();
    await waitForText(alert.locator('.thread'), 'Recovered');
    await page.screenshot({ path: `${artifactsDir}/4-thread.png` });
  });

  it('enriches the alert thread from sample answers: the graph drawn, each reply titled as a sample', async () => {
    const alert = page.locator('article.message', { hasText: 'EC2-CPU' }).first();
    const graph = alert.locator('.thread figure.file-image').first();
    await waitForText(graph.locator('figcaption'), '[sample] EC2-CPU');
    const image = graph.locator('img');
    expect(await image.getAttribute('alt')).toMatch(/^Sample graph, not your account's data/);
    // Drawn, not a broken image: the browser decoded the PNG at its size.
    expect(await image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(600);
    await waitForText(alert.locator('.thread'), '[sample] Changes in the hour before the alert');
  });

  it('answers a /klaxon command with a message only the user sees', async () => {
    await page.locator('#command-input').fill('/klaxon help');
    await page.locator('#command-input').press('Enter');
    const answer = page.locator('article.ephemeral').last();
    await waitForText(answer, 'Only visible to you');
    await page.screenshot({ path: `${artifactsDir}/5-command.png` });
  });

  it('opens the custom mute modal and shows the errors Klaxon answers with', async () => {
    await fireSample(page, 'Macie finding');
    const alert = page.locator('article.message', { hasText: 'Macie' }).first();
    await alert.locator('select.bk-select').selectOption({ label: 'Custom…' });
    const modal = page.getByRole('dialog', { name: 'Mute alert' });
    await modal.getByRole('textbox').first().fill('forever');
    await modal.getByRole('textbox').nth(1).fill('Known finding, fixed next sprint');
    await modal.getByRole('button', { name: 'Mute' }).click();
    await modal.locator('.has-error .bk-error').first().waitFor({ state: 'visible' });
    await page.screenshot({ path: `${artifactsDir}/6-modal-errors.png` });
    await modal.getByRole('textbox').first().fill('2h');
    await modal.getByRole('button', { name: 'Mute' }).click();
    await modal.waitFor({ state: 'detached' });
    await waitForText(alert, 'Unmute');
    await page.screenshot({ path: `${artifactsDir}/7-muted.png` });
  });

  it('asks for confirmation before sending a button that has one', async () => {
    await fireSample(page, 'Glue job failed');
    const alert = page.locator('article.message', { hasText: 'MyJob' }).first();
    await alert.getByRole('button', { name: 'Rerun Glue job' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Rerun Glue job?' });
    await waitForText(dialog, 'Start a new run of');
    await page.screenshot({ path: `${artifactsDir}/8-confirm.png` });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    await alert.getByRole('button', { name: 'Rerun Glue job' }).click();
    await dialog.getByRole('button', { name: 'Rerun' }).click();
    // The sandbox's person may rerun, and its Glue answers StartJobRun with the API reference's sample.
    await alert.locator('.thread-toggle').first().click();
    await waitForText(alert.locator('.thread'), 'jr_sample');
    await page.screenshot({ path: `${artifactsDir}/9-rerun.png` });
  });

  it('sends a pasted message through POST /sns and shows the alert Klaxon makes of it', async () => {
    await page
      .locator('#paste-input')
      .fill(JSON.stringify({ title: 'Pasted export failed', status: 'FAILED' }));
    await page.getByRole('button', { name: 'Send pasted message' }).click();
    await waitForText(page.locator('#status'), 'Pasted message: Klaxon answered 200');
    const alert = page.locator('article.message', { hasText: 'Pasted export failed' }).first();
    // The generic fallback rates what it cannot read as medium: yellow.
    await waitForText(alert.locator('.bk-header'), '🟡 Pasted export failed');
    await waitForText(alert, 'Status: FAILED');
    await page.screenshot({ path: `${artifactsDir}/10-pasted.png` });
  });

  it('refuses a paste that is not JSON, saying why', async () => {
    await page.locator('#paste-input').fill('the disk is full');
    await page.getByRole('button', { name: 'Send pasted message' }).click();
    await waitForText(page.locator('#status.error'), 'Pasted message: not JSON');
  });

  it('answers a query command with a documented sample, marked as one', async () => {
    await page.getByRole('button', { name: '# alerts' }).click();
    await page.locator('#command-input').fill('/klaxon logs /aws/lambda/loader since=1h');
    await page.locator('#command-input').press('Enter');
    await waitForText(page.locator('article.ephemeral'), '[sample] Test BENCHMARK 3');
    await page.screenshot({ path: `${artifactsDir}/10b-sample-query.png` });
  });

  it('moves the clock forward: the two-hour mute of the Macie alert ends', async () => {
    const alert = page.locator('article.message', { hasText: 'Macie' }).first();
    await waitForText(alert, 'Muted by');
    await page.getByRole('button', { name: '+1 h' }).click();
    await waitForText(page.locator('#clock'), '1 h ahead');
    await page.getByRole('button', { name: '+1 h' }).click();
    await waitForText(page.locator('#clock'), '2 h ahead');
    await alert.filter({ hasNotText: 'Muted by' }).waitFor({ state: 'visible' });
    await page.screenshot({ path: `${artifactsDir}/10c-clock.png` });
  });

  it('reminds about an unacknowledged alert when the clock moves five minutes', async () => {
    await page.getByRole('button', { name: '# alerts' }).click();
    await fireSample(page, 'Composite alarm');
    await page.getByRole('button', { name: '+5 min' }).click();
    await waitForText(page.locator('#clock'), '2 h 5 min ahead');
    const reminder = page.locator('article.message', { hasText: 'Not acknowledged after 5 min' }).first();
    await waitForText(reminder, '(level 1 of 2)');
    await page.screenshot({ path: `${artifactsDir}/10d-reminder.png` });
  });

  it('holds back a sample that a silence made by command matches, and ends it by its Expire button', async () => {
    await sendCommand(page, '/klaxon silence name=*node_failure for=1h reason=sandbox demo');
    await fireSample(page, 'Alarm on a log metric');
    await waitForText(page.locator('#status'), '(silenced)');
    await sendCommand(page, '/klaxon silences');
    const list = page.locator('article.ephemeral', { hasText: 'node_failure' }).last();
    await list.getByRole('button', { name: 'Expire' }).click();
    await page.getByRole('alertdialog').locator('.confirm-accept').click();
    // Bolt answers the click before its work: fire again only once Klaxon says the silence has ended.
    await waitForText(page.locator('article.ephemeral'), 'Silence expired');
    await fireSample(page, 'Alarm on a log metric');
    await waitForText(page.locator('#status'), '(new-alert)');
    await page.screenshot({ path: `${artifactsDir}/10e-silence.png` });
  });

  it('opens the Home tab, which Klaxon publishes on app_home_opened', async () => {
    await page.getByRole('button', { name: '🏠 Klaxon — Home' }).click();
    await page.locator('.home').waitFor({ state: 'visible' });
    await page.screenshot({ path: `${artifactsDir}/11-home.png` });
  });

  it('restarts like npm start twice: the old messages stay and the next alarm lands', async () => {
    await running.stop();
    running = await startSandbox();
    await page.goto(`${running.url}/sandbox`);
    const alert = page.locator('article.message', { hasText: 'EC2-CPU' }).first();
    await waitForText(alert, 'EC2-CPU');
    await fireSample(page, 'CloudWatch alarm');
    await fireSample(page, 'Alarm again (repeat)');
    await page.screenshot({ path: `${artifactsDir}/12-restarted.png` });
  });
});

// No network beyond loopback: nothing phones home, nothing updates.
const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

async function fireSample(page: Page, label: string): Promise<void> {
  await page.getByRole('button', { name: label, exact: true }).click();
  await waitForText(page.locator('#status'), 'Klaxon answered 200');
}

async function sendCommand(page: Page, text: string): Promise<void> {
  await page.locator('#command-input').fill(text);
  await page.locator('#command-input').press('Enter');
  await waitForText(page.locator('#status'), `${text}: Klaxon answered 200`);
}

/** Playwright's auto-waiting: resolves as soon as the text shows, fails at the step timeout. */
async function waitForText(locator: Locator, text: string): Promise<void> {
  await locator.filter({ hasText: text }).first().waitFor({ state: 'visible' });
}
