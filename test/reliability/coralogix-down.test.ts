import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { ACTION } from '../../src/blocks/action-ids';
import { blockKitViolations } from '../support/block-kit-limits';
import { startHarness, type Harness } from '../support/harness';
import { postWebhook } from '../support/webhook-requests';
import { answersTo, finished, isPrivate } from './observe';
import { record, writeRecords } from './record';
import { RELIABILITY_ENV } from './surfaces';

/** A port that was free a moment ago and has nothing listening: connecting to it is refused. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

let h: Harness;
beforeAll(async () => {
  const port = await closedPort();
  h = await startHarness({ env: { ...RELIABILITY_ENV, CORALOGIX_API_URL: `http://127.0.0.1:${port}` } });
});
afterAll(async () => {
  await h.close();
  writeRecords();
});

describe('with Coralogix refusing every connection', () => {
  it('a command is told privately that nothing changed, and help still answers', async () => {
    const from = h.logs.length;
    const sent = await h.command('CASE-123 me');
    await finished(h, 'command', 'CASE-123', from);
    const answers = answersTo(h, sent.responseUrl);
    expect(answers).toHaveLength(1);
    expect(isPrivate(answers[0])).toBe(true);
    expect(JSON.stringify(answers[0])).toContain('Nothing was changed');
    expect(blockKitViolations(answers[0])).toEqual([]);

    const help = await h.command('help');
    expect(JSON.stringify(help.json)).toContain('/case-assign');
    record('coralogix-down', { surface: 'command', fault: 'connection refused', outcome: 'private: nothing changed' });
  });

  it('a click is told privately that nothing changed, and the message stays', async () => {
    const from = h.logs.length;
    const sent = await h.click({
      actions: [{ type: 'button', action_id: ACTION.acknowledge, block_id: 'case.actions', value: 'CASE-123' }],
    });
    await finished(h, 'click', 'CASE-123', from);
    const answers = answersTo(h, sent.responseUrl);
    expect(answers).toHaveLength(1);
    expect(isPrivate(answers[0])).toBe(true);
    expect(answers[0].replace_original).toBe(false);
    expect(JSON.stringify(answers[0])).toContain('Nothing was changed');
    record('coralogix-down', { surface: 'click', fault: 'connection refused', outcome: 'private: nothing changed' });
  });

  it('a notification is answered 503, and the process keeps serving', async () => {
    const res = await postWebhook(h.url, { caseId: 'CASE-123', event: 'Activated' });
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ ok: false });
    expect((await fetch(`${h.url}/healthz`)).status).toBe(200);
    record('coralogix-down', { surface: 'webhook', fault: 'connection refused', outcome: `503 ${res.body.error}` });
  });
});
