import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { createLogger } from '../../src/logger';
import { startPlayground, type Playground } from '../../src/playground/main';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const available = existsSync(CHROMIUM);
if (!available) console.log(`${CHROMIUM} is not installed: skipping the playground's browser tests`);
const browserTest = available ? test : test.skip;

let playground: Playground;
let context: BrowserContext;
let page: Page;
let profile: string;

beforeEach(async () => {
  if (!available) return;
  const quiet = createLogger({ level: 'error', destination: { write: () => undefined } });
  playground = await startPlayground({ port: 0, logger: quiet });
  profile = mkdtempSync(join(tmpdir(), 'playground-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: ARGS,
    viewport: { width: 1360, height: 860 },
  });
  page = context.pages()[0] ?? (await context.newPage());
  await page.goto(playground.url);
  await page.locator('#cases tr').first().waitFor();
});

afterEach(async () => {
  if (!available) return;
  await context.close();
  await playground.stop();
  rmSync(profile, { recursive: true, force: true });
});

const messages = () => page.locator('#messages > li');
const caseRow = (id: string) => page.locator(`#cases tr[data-case="${id}"]`);

async function type(command: string): Promise<void> {
  await page.fill('#composer-input', command);
  await page.press('#composer-input', 'Enter');
}

async function summaryOf(title: string): Promise<Locator> {
  const message = messages()
    .filter({ has: page.locator('.block-header', { hasText: title }) })
    .last();
  await message.waitFor();
  return message;
}

async function actAs(name: string): Promise<void> {
  await page.selectOption('#acting-as', { label: name });
}

/** Waits for a condition by polling; the page updates through server-sent events. */
async function eventually(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (await check()) return;
    await page.waitForTimeout(100);
  }
  throw new Error(`never happened: ${what}`);
}

const expectText = async (locator: Locator, text: string) =>
  eventually(async () => (await locator.innerText()).includes(text), `"${text}" in ${String(locator)}`);

browserTest('typing the command shows the case summary rendered from its blocks, with mentions by name', async () => {
  await type('/case-assign CASE-3 @bob');

  const summary = await summaryOf('Kafka consumer lag growing on orders-events');
  await expectText(summary, '@Bob Smith');
  await expectText(summary, 'Prometheus: KafkaConsumerLagHigh');
  expect(await summary.locator('button', { hasText: 'Assign to me' }).count()).toBe(1);
  expect(await summary.locator('time').count()).toBeGreaterThan(0);
  await expectText(caseRow('CASE-3').locator('.assignee'), 'Bob Smith');
});

browserTest('"Assign to me" updates the message and the Coralogix panel', async () => {
  await type('/case-assign CASE-3 @bob');
  const summary = await summaryOf('Kafka consumer lag');
  await summary.locator('button', { hasText: 'Assign to me' }).click();

  await expectText(summary, 'Assigned to @Alice Jones by @Alice Jones');
  await expectText(caseRow('CASE-3').locator('.assignee'), 'Alice Jones');
  await caseRow('CASE-3').click();
  await expectText(page.locator('#timeline'), 'Assigned to Alice Jones by Alice Jones from Slack #incidents');
  // PLAYGROUND_SCREENSHOT=docs/playground.png npx jest test/playground/page refreshes the README's picture.
  await page.screenshot({ path: process.env.PLAYGROUND_SCREENSHOT ?? join(profile, 'playground.png') });
});

browserTest('choosing a person in the picker reassigns the case', async () => {
  await type('/case-assign CASE-1 me');
  const summary = await summaryOf('Checkout error rate');
  await summary.locator('select.users-select').selectOption({ label: 'Priya Natarajan (@priya)' });

  await expectText(caseRow('CASE-1').locator('.assignee'), 'Priya Natarajan');
  await expectText(summary, 'Assigned to @Priya Natarajan');
});

browserTest('someone without a Coralogix account is refused privately', async () => {
  await type('/case-assign CASE-3 me');
  const summary = await summaryOf('Kafka consumer lag');
  await actAs('Dave Miller (@dave)');
  await summary.locator('button', { hasText: 'Assign to me' }).click();

  const refusal = page.locator('#messages > li.ephemeral', { hasText: 'You have no Coralogix user' });
  await refusal.waitFor();
  await expectText(refusal, 'Only visible to you');
  await expectText(caseRow('CASE-3').locator('.assignee'), 'Alice Jones');
  await actAs('Bob Smith (@bob)');
  await eventually(async () => (await refusal.count()) === 0, 'the refusal hidden from Bob');
});

browserTest('a case notification sent to the webhook arrives in the channel', async () => {
  await caseRow('CASE-12').click();
  await page.click('#notify');

  const summary = await summaryOf('Failed admin logins > 500/min from AS64500 & AS64501 <external>');
  await expectText(summary, 'Unassigned');
  await expectText(page.locator('#notify-result'), 'posted');
});
