import { ACTION } from '../../src/blocks/action-ids';
import { blockKitViolations } from '../support/block-kit-limits';
import { PEOPLE, startHarness, type Harness } from '../support/harness';
import { WEBHOOK_SECRET, postWebhook } from '../support/webhook-requests';

const CHANNEL = 'C0CASES01';
let h: Harness;
beforeEach(async () => {
  h = await startHarness({ env: { WEBHOOK_SECRET, CASES_CHANNEL_ID: CHANNEL } });
});
afterEach(async () => {
  await h.close();
});

const caseNow = () => h.coralogix.cases.get(h.case123.id)!;
const send = (body: unknown) => postWebhook(h.url, body);
const event = (extra: Record<string, unknown> = {}) => ({ caseId: h.case123.id, event: 'Activated', ...extra });
const inChannel = (channel = CHANNEL) => h.slack.messages.get(channel) ?? [];
const topLevel = (channel = CHANNEL) => inChannel(channel).filter((m) => m.thread_ts === undefined);
const repliesTo = (ts: string | undefined, channel = CHANNEL) =>
  inChannel(channel).filter((m) => ts !== undefined && m.thread_ts === ts);
const callsOf = (method: string) => h.slack.calls.filter((c) => c.method === method);

function buttonsOf(blocks: unknown[]): Array<{ action_id: string; value?: string; block_id: string }> {
  return (
    blocks as Array<{
      type: string;
      block_id: string;
      elements?: Array<{ type: string; action_id: string; value?: string }>;
    }>
  )
    .filter((b) => b.type === 'actions')
    .flatMap((b) => (b.elements ?? []).filter((e) => e.type === 'button').map((e) => ({ ...e, block_id: b.block_id })));
}

describe('Coralogix case notifications', () => {
  it('posts the case summary with its buttons on the first event of a case', async () => {
    const res = await send(event());

    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true, action: 'posted', channel: CHANNEL, ts: expect.any(String) });
    const [message] = inChannel();
    expect(inChannel()).toHaveLength(1);
    expect(message!.ts).toBe(res.body.ts);
    expect(blockKitViolations(message!)).toEqual([]);
    expect(message!.text).toContain('CASE-123');
    const buttons = buttonsOf(message!.blocks);
    expect(buttons.map((b) => b.action_id)).toEqual(expect.arrayContaining([ACTION.assignToMe, ACTION.acknowledge]));
    expect(buttons.find((b) => b.action_id === ACTION.assignToMe)?.value).toBe(h.case123.id);
  });

  it('updates the same message on a later event and says in its thread what changed', async () => {
    const first = await send(event());
    Object.assign(caseNow(), {
      status: 'CASE_STATUS_RESOLVED',
      priority: 'CASE_PRIORITY_P1',
      assignee: { userId: PEOPLE.alice.cx },
    });

    const second = await send(event({ event: 'Resolved' }));

    expect(second.status).toBe(200);
    expect(second.body).toEqual({ ok: true, action: 'updated', channel: CHANNEL, ts: first.body.ts });
    expect(topLevel()).toHaveLength(1);
    expect(topLevel()[0]!.edits).toBe(1);
    expect(topLevel()[0]!.text).toContain('Resolved');
    const replies = repliesTo(first.body.ts);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.text.split('\n')).toEqual([
      'Status: Active → Resolved',
      'Priority P2 → P1',
      `Assigned to <@${PEOPLE.alice.slack}>`,
    ]);
  });

  it('says "Unassigned" and "Title changed" when those change', async () => {
    caseNow().assignee = { userId: PEOPLE.bob.cx };
    const first = await send(event());
    delete caseNow().assignee;
    caseNow().title = 'Checkout down in eu-west';

    await send(event({ event: 'Assignee changed' }));

    expect(repliesTo(first.body.ts).map((r) => r.text)).toEqual(['Unassigned\nTitle changed']);
  });

  it('posts once when the same event is delivered twice', async () => {
    const first = await send(event());
    const again = await send(event());

    expect(again.status).toBe(200);
    expect(again.body).toEqual({ ok: true, action: 'unchanged', channel: CHANNEL, ts: first.body.ts });
    expect(callsOf('chat.postMessage')).toHaveLength(1);
    expect(callsOf('chat.update')).toHaveLength(0);
  });

  it('posts once when the same event arrives several times at once', async () => {
    const answers = await Promise.all([send(event()), send(event()), send(event())]);

    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(answers.map((a) => a.body.action).sort()).toEqual(['posted', 'unchanged', 'unchanged']);
    expect(new Set(answers.map((a) => a.body.ts)).size).toBe(1);
    expect(callsOf('chat.postMessage')).toHaveLength(1);
  });

  it('handles an event id once, even when the case changed in between', async () => {
    await send(event({ eventId: 'evt-1' }));
    caseNow().priority = 'CASE_PRIORITY_P1';

    const redelivered = await send(event({ eventId: 'evt-1' }));
    const next = await send(event({ eventId: 'evt-2' }));

    expect(redelivered.body.action).toBe('unchanged');
    expect(next.body.action).toBe('updated');
    expect(callsOf('chat.update')).toHaveLength(1);
  });

  it('finds the message of a case named by its readable id, in any letter case, and by case.id', async () => {
    const first = await send({ caseId: 'case-123' });
    caseNow().status = 'CASE_STATUS_ACKNOWLEDGED';
    const second = await send({ case: { id: h.case123.id, title: 'ignored: the API is the truth' } });

    expect(first.body.action).toBe('posted');
    expect(second.body).toMatchObject({ action: 'updated', ts: first.body.ts });
    expect(repliesTo(first.body.ts).map((r) => r.text)).toEqual(['Status: Active → Acknowledged']);
  });

  it('posts to the channel the notification names rather than CASES_CHANNEL_ID', async () => {
    const res = await send(event({ channel: 'C0OTHER01' }));

    expect(res.body).toMatchObject({ action: 'posted', channel: 'C0OTHER01' });
    expect(inChannel('C0OTHER01')).toHaveLength(1);
    expect(inChannel()).toHaveLength(0);
  });

  it('posts a new message when the old one was deleted, and updates that one afterwards', async () => {
    const first = await send(event());
    inChannel().splice(0); // someone deleted the message
    caseNow().priority = 'CASE_PRIORITY_P1';

    const reposted = await send(event());
    caseNow().priority = 'CASE_PRIORITY_P3';
    const updated = await send(event());

    expect(reposted.body.action).toBe('posted');
    expect(reposted.body.ts).not.toBe(first.body.ts);
    expect(updated.body).toMatchObject({ action: 'updated', ts: reposted.body.ts });
    expect(repliesTo(reposted.body.ts).map((r) => r.text)).toEqual(['Priority P1 → P3']);
  });

  it('lets a click on the notification change the case, and the next event tells the thread', async () => {
    const posted = await send(event());
    const message = inChannel()[0]!;
    const assignToMe = buttonsOf(message.blocks).find((b) => b.action_id === ACTION.assignToMe)!;

    const click = await h.click({
      actions: [
        { type: 'button', action_id: assignToMe.action_id, block_id: assignToMe.block_id, value: assignToMe.value },
      ],
      channel: { id: CHANNEL, name: 'cases' },
      container: { type: 'message', message_ts: message.ts, channel_id: CHANNEL, is_ephemeral: false },
      message: { ts: message.ts, blocks: message.blocks, text: message.text },
    });
    expect(click.status).toBe(200);
    await h.slack.waitFor(() => caseNow().assignee?.userId === PEOPLE.alice.cx);
    await h.slack.waitFor(() => h.slack.responses.find((r) => click.responseUrl.endsWith(r.id))?.body.replace_original);

    const afterwards = await send(event({ event: 'Assignee changed' }));
    expect(afterwards.body).toMatchObject({ action: 'updated', ts: posted.body.ts });
    expect(repliesTo(posted.body.ts).map((r) => r.text)).toEqual([`Assigned to <@${PEOPLE.alice.slack}>`]);
  });

  it('writes one log line per request with the case, channel, event, outcome and time', async () => {
    await send(event());
    await send(event({ event: 'Acknowledged' }));

    const lines = h.logs.filter((l) => l.msg === 'case notification');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatchObject({
      level: 30,
      caseId: h.case123.id,
      channel: CHANNEL,
      event: 'Acknowledged',
      outcome: 'unchanged',
    });
    expect(typeof lines[1]!.ms).toBe('number');
  });
});
