import { ACTION } from '../../src/blocks/action-ids';
import type { FakeCase } from '../fakes/coralogix-server';
import { FOREIGN_TEAM, PEOPLE, startHarness, type Harness } from '../support/harness';
import { blockActionsBody, blockActionsPayload, postSigned, sign, slashCommandBody } from '../support/slack-requests';
import { postWebhook } from '../support/webhook-requests';
import { answersTo, finished, isPrivate } from './observe';
import { record, writeRecords } from './record';
import { RELIABILITY_ENV, freshCase } from './surfaces';

let h: Harness;
/** Someone of a partner workspace whose profile claims alice's e-mail: who they are must not decide. */
const MALLORY = { slack: 'U0666', email: PEOPLE.alice.email };

beforeAll(async () => {
  h = await startHarness({ env: RELIABILITY_ENV });
  h.slack.addUser({ id: MALLORY.slack, teamId: FOREIGN_TEAM, name: 'mallory', email: MALLORY.email });
});
afterAll(async () => {
  await h.close();
  writeRecords();
});

const now = () => Math.floor(Date.now() / 1000);
const events = () => `${h.url}/slack/events`;
/** Coralogix calls about the case, reads included: none may follow a refused request. */
const callsAbout = (c: FakeCase) =>
  h.coralogix.requests.filter((r) => r.path.includes(c.id) || r.path.includes(c.readableId!)).length;
const body = (c: FakeCase, text = `${c.readableId} me`) =>
  slashCommandBody({ text, response_url: h.slack.responseUrl() });

/** Each check aims at a case of its own, so a request wrongly let through shows on that case alone. */
async function expectRefused(
  check: string,
  send: (c: FakeCase) => Promise<{ status: number }>,
  status: number | number[],
) {
  const c = freshCase(h);
  const res = await send(c);
  expect([status].flat()).toContain(res.status);
  // Give a wrongly accepted request the time to reach Coralogix before looking.
  await new Promise((resolve) => setTimeout(resolve, 150));
  expect(callsAbout(c)).toBe(0);
  expect(c.assignee).toBeUndefined();
  record('security', { check, status: res.status, coralogixCalls: 0 });
}

describe('requests that do not come from Slack are refused, and change nothing', () => {
  it('a wrong signature', () =>
    expectRefused('wrong signature', (c) => postSigned(events(), body(c), { secret: 'not-the-secret' }), 401));

  it('no signature at all', () =>
    expectRefused(
      'no signature headers',
      (c) =>
        fetch(events(), {
          method: 'POST',
          body: body(c),
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        }),
      401,
    ));

  it('a correct signature over a timestamp more than five minutes old', () =>
    expectRefused('stale timestamp (6 min)', (c) => postSigned(events(), body(c), { ts: now() - 6 * 60 }), 401));

  // Bolt only refuses timestamps from the past; one from the future passes (RELIABILITY.md). Only the
  // holder of the signing secret can sign one, so it opens no replay; this marks the gap until closed.
  it.failing('a timestamp from the future', () =>
    expectRefused('timestamp 6 min ahead', (c) => postSigned(events(), body(c), { ts: now() + 6 * 60 }), 401),
  );

  it('an old signed body replayed under a fresh timestamp', () =>
    expectRefused(
      'replay: old signature, new timestamp',
      (c) => {
        const replayed = body(c);
        const old = sign(replayed, undefined, now() - 10 * 60);
        return postSigned(events(), replayed, {
          headers: { 'x-slack-signature': old['x-slack-signature']!, 'x-slack-request-timestamp': String(now()) },
        });
      },
      401,
    ));

  it('a body changed after signing', () =>
    expectRefused(
      'body changed after signing',
      (c) => fetch(events(), { method: 'POST', body: body(c), headers: sign(body(c, 'help')) }),
      401,
    ));

  it.each(['application/json', 'text/plain', 'multipart/form-data; boundary=x'])('a signed body sent as %s', (type) =>
    expectRefused(
      `content type ${type}`,
      (c) => postSigned(events(), body(c), { headers: { 'content-type': type } }),
      [400, 401, 415, 500],
    ),
  );

  it('a signed body over Bolt’s 4 MB limit', () =>
    expectRefused(
      'body over 4 MB',
      (c) => postSigned(events(), body(c, `${c.readableId} ${'x'.repeat(4 * 1024 * 1024)}`)),
      [400, 401, 413],
    ));
});

describe('people of another workspace in a shared channel', () => {
  it('a command from them is refused privately and changes nothing, even with an e-mail that maps', async () => {
    const c = freshCase(h);
    const from = h.logs.length;
    const sent = await h.command(`${c.readableId} me`, { user_id: MALLORY.slack, team_id: FOREIGN_TEAM });
    await finished(h, 'command', c.readableId!, from);
    const [answer] = answersTo(h, sent.responseUrl);
    expect(isPrivate(answer)).toBe(true);
    expect(JSON.stringify(answer)).toContain('Refused');
    expect(callsAbout(c)).toBe(0);
    expect(c.assignee).toBeUndefined();
    record('security', { check: 'command from another workspace', status: sent.status, answer: 'private: refused' });
  });

  it.each([ACTION.assignToMe, ACTION.acknowledge, ACTION.more])(
    'a click on %s from them is refused and leaves the message',
    async (actionId) => {
      const c = freshCase(h, { assignee: { userId: PEOPLE.bob.cx } });
      const from = h.logs.length;
      const sent = await h.click({
        user: { id: MALLORY.slack, team_id: FOREIGN_TEAM },
        actions: [{ type: 'button', action_id: actionId, block_id: 'case.actions', value: c.id }],
      });
      await finished(h, 'click', c.id, from);
      const answers = answersTo(h, sent.responseUrl);
      expect(answers.map(isPrivate)).toEqual([true]);
      expect(callsAbout(c)).toBe(0);
      expect(c).toMatchObject({ status: 'CASE_STATUS_ACTIVE', assignee: { userId: PEOPLE.bob.cx } });
      record('security', {
        check: `click ${actionId} from another workspace`,
        status: sent.status,
        answer: 'private: refused',
      });
    },
  );

  it('a click whose user carries no team is judged by the payload’s team, and refused', async () => {
    const c = freshCase(h);
    const from = h.logs.length;
    const responseUrl = h.slack.responseUrl();
    const payload = blockActionsPayload({
      team: { id: FOREIGN_TEAM },
      user: { id: MALLORY.slack },
      response_url: responseUrl,
      actions: [{ type: 'button', action_id: ACTION.assignToMe, block_id: 'case.actions', value: c.id }],
    });
    delete (payload.user as { team_id?: string }).team_id;
    const sent = await postSigned(events(), blockActionsBody(payload));
    await finished(h, 'click', c.id, from);
    expect(answersTo(h, responseUrl).map(isPrivate)).toEqual([true]);
    expect(c.assignee).toBeUndefined();
    record('security', {
      check: 'click from another workspace, user.team_id absent',
      status: sent.status,
      answer: 'private: refused',
    });
  });
});

describe('the Coralogix webhook', () => {
  it.each([
    ['a wrong secret', 'Bearer not-the-secret'],
    ['no Authorization header', null],
    ['the secret without "Bearer"', RELIABILITY_ENV.WEBHOOK_SECRET],
    ['Basic auth', `Basic ${Buffer.from(`x:${RELIABILITY_ENV.WEBHOOK_SECRET}`).toString('base64')}`],
  ])('refuses %s with 401 and posts nothing', async (check, authorization) => {
    const c = freshCase(h);
    const res = await postWebhook(h.url, { caseId: c.id, channel: 'C0SEC0001' }, { authorization });
    expect(res.status).toBe(401);
    expect(callsAbout(c)).toBe(0);
    expect(h.slack.messages.get('C0SEC0001')).toBeUndefined();
    record('security', { check: `webhook: ${check}`, status: res.status, coralogixCalls: 0 });
  });
});
