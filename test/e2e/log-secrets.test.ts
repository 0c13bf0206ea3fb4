import { ACTION } from '../../src/blocks/action-ids';
import { slashCommandPayload } from '../support/slack-payloads';
import { PEOPLE, startHarness, type Harness } from '../support/harness';
import { allLogLines, leakedSecrets, usedSecrets } from '../support/log-lines';
import { postSigned, slashCommandBody } from '../support/slack-requests';
import { WEBHOOK_SECRET, postWebhook } from '../support/webhook-requests';

const answered = (h: Harness, responseUrl: string) =>
  h.slack.waitFor(() => h.slack.responses.find((r) => responseUrl.endsWith(r.id)));

/**
 * Runs the flows that log the most (successes, every kind of failure, retries, a webhook, Socket
 * Mode, debug level throughout) and searches every line the apps wrote for every secret they held.
 */
describe('logs, across a representative end-to-end run', () => {
  beforeAll(async () => {
    const h = await startHarness({ env: { WEBHOOK_SECRET, CASES_CHANNEL_ID: 'C0CASES01' } });
    try {
      await answered(h, (await h.command(`CASE-123 <@${PEOPLE.bob.slack}>`)).responseUrl);
      const take = { type: 'button', action_id: ACTION.assignToMe, block_id: 'case.actions', value: h.case123.id };
      await answered(h, (await h.click({ actions: [take] })).responseUrl);
      await answered(h, (await h.command(`CASE-123 <@${PEOPLE.dave.slack}>`)).responseUrl);
      await answered(h, (await h.command('CASE-999 me')).responseUrl);
      await h.command('CASE-123 @bob');
      h.coralogix.failNext('POST /cases/assigned/v1', { status: 503, body: 'upstream connect error' }, 10);
      await answered(h, (await h.command('CASE-123 me')).responseUrl);
      h.coralogix.denyPermission('case:Acknowledge');
      const button = { type: 'button', action_id: ACTION.acknowledge, block_id: 'case.actions', value: h.case123.id };
      await answered(h, (await h.click({ actions: [button] })).responseUrl);
      h.slack.failNext('response_url', { status: 404, body: 'no_service' });
      await h.command('CASE-123 me');
      await h.slack.waitFor(() => h.slack.calls.some((c) => c.method.startsWith('chat.')));
      await postSigned(`${h.url}/slack/events`, slashCommandBody({ text: 'CASE-123 me' }), { secret: 'wrong-secret' });
      expect((await postWebhook(h.url, { caseId: h.case123.id })).status).toBe(200);
      await postWebhook(h.url, { caseId: h.case123.id }, { authorization: 'Bearer not-the-secret' });
    } finally {
      await h.close();
    }

    const socket = await startHarness({ socketMode: true });
    try {
      await socket.slack.waitFor(() => socket.slack.socket.connections > 0);
      const responseUrl = socket.slack.responseUrl('socket-cmd');
      await socket.slack.socket.send({
        type: 'slash_commands',
        payload: slashCommandPayload({ text: 'CASE-123 me', response_url: responseUrl }),
      });
      await answered(socket, responseUrl);
    } finally {
      await socket.close();
    }
  });

  it('holds every kind of secret the app is given', () => {
    expect([...usedSecrets.keys()].sort()).toEqual([
      'the Coralogix key',
      'the app token',
      'the bot token',
      'the signing secret',
      'the webhook secret',
    ]);
    expect(allLogLines.length).toBeGreaterThan(50);
  });

  it('shows none of them in any log line', () => {
    expect(leakedSecrets(allLogLines)).toEqual([]);
  });

  it('would notice a secret that got through', () => {
    const [name, value] = [...usedSecrets][0]!;
    expect(leakedSecrets([...allLogLines, `{"msg":"oops ${value}"}`])).toEqual([name]);
  });

  it('writes one line per command and click with outcome, case, user, team and latency, and the ref on failure', () => {
    const kinds = ['command handled', 'command refused', 'command failed', 'click handled', 'click failed'];
    const outcomes = allLogLines
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .filter((l) => kinds.includes(String(l.msg)));
    expect(new Set(outcomes.map((l) => l.msg))).toEqual(new Set(kinds));
    for (const line of outcomes) {
      expect(line).toMatchObject({ level: 30, outcome: expect.any(String), user: expect.any(String) });
      expect(line).toHaveProperty('team');
      expect(typeof line.ms).toBe('number');
      // A refused command names no case: its text was refused before a case was read from it.
      if (line.msg !== 'command refused') expect(line.caseId).toEqual(expect.any(String));
      if (String(line.msg).endsWith('failed')) expect(line.ref).toMatch(/^[0-9A-F]{8}$/);
    }
  });
});
