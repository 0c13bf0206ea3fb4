import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHarness, type Harness } from '../support/harness';
import { WEBHOOK_SECRET, postWebhook } from '../support/webhook-requests';

const CHANNEL = 'C0CASES01';
let dir: string;
let h: Harness;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'case-assign-store-'));
  // A folder that does not exist yet: the app creates it.
  const DATABASE_PATH = join(dir, 'nested', 'case-assign.db');
  h = await startHarness({ env: { WEBHOOK_SECRET, CASES_CHANNEL_ID: CHANNEL, DATABASE_PATH } });
});
afterEach(async () => {
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

const send = (event: string) => postWebhook(h.url, { caseId: h.case123.id, event });

describe('case notifications across a restart', () => {
  it('updates the message posted before the restart instead of posting another', async () => {
    const before = await send('Activated');
    await h.restart();
    h.coralogix.cases.get(h.case123.id)!.status = 'CASE_STATUS_ACKNOWLEDGED';

    const after = await send('Acknowledged');

    expect(after.status).toBe(200);
    expect(after.body).toEqual({ ok: true, action: 'updated', channel: CHANNEL, ts: before.body.ts });
    const messages = h.slack.messages.get(CHANNEL) ?? [];
    expect(messages.filter((m) => m.thread_ts === undefined)).toHaveLength(1);
    expect(messages.filter((m) => m.thread_ts === before.body.ts).map((m) => m.text)).toEqual([
      'Status: Active → Acknowledged',
    ]);
  });

  it('stays quiet after a restart when a delivery repeats an event already shown', async () => {
    await send('Activated');
    await h.restart();

    const again = await send('Activated');

    expect(again.body.action).toBe('unchanged');
    expect(h.slack.calls.filter((c) => c.method === 'chat.postMessage')).toHaveLength(1);
  });
});
