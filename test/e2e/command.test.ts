import { blockKitViolations } from '../support/block-kit-limits';
import { CORALOGIX_KEY, PEOPLE, startHarness, type Harness } from '../support/harness';
import { postSigned } from '../support/slack-requests';
import { slashCommandBody } from '../support/slack-requests';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

const idOf = (responseUrl: string) => responseUrl.split('/').pop()!;
/** The answer Slack received on the command's response_url. */
const answerTo = (responseUrl: string, timeoutMs?: number) =>
  h.slack.waitFor(() => h.slack.responses.find((r) => r.id === idOf(responseUrl))?.body, timeoutMs);
const assignCalls = () =>
  h.coralogix.requests.filter((r) => r.method === 'POST' && r.path.includes('/cases/assigned/v1/'));
const allText = (message: unknown) => JSON.stringify(message);

describe('/case-assign, end to end over HTTP', () => {
  it('assigns the case to a mentioned user and posts the summary in the channel', async () => {
    const sent = await h.command(`CASE-123 <@${PEOPLE.bob.slack}|bob>`);
    expect(sent.status).toBe(200);
    expect(sent.text).toBe('');

    const summary = await answerTo(sent.responseUrl);
    expect(summary.response_type).toBe('in_channel');
    expect(blockKitViolations(summary)).toEqual([]);
    expect(allText(summary)).toContain('Checkout latency above SLO');
    expect(allText(summary)).toContain(`<@${PEOPLE.bob.slack}>`);
    expect(summary.text).toContain('CASE-123');

    const [call] = assignCalls();
    expect(call).toMatchObject({
      method: 'POST',
      path: '/mgmt/openapi/5/cases/assigned/v1/CASE-123',
      body: { assignee: { userId: PEOPLE.bob.cx } },
    });
    expect(call!.headers.authorization).toBe(`Bearer ${CORALOGIX_KEY}`);
    expect(h.coralogix.cases.get(h.case123.id)?.assignee).toEqual({ userId: PEOPLE.bob.cx });
    expect(h.coralogix.violations).toEqual([]);
  });

  it('notes on the case timeline who assigned it from Slack', async () => {
    const sent = await h.command(`CASE-123 <@${PEOPLE.bob.slack}>`);
    await answerTo(sent.responseUrl);
    await h.slack.waitFor(() => h.coralogix.comments.length > 0);
    expect(h.coralogix.comments).toEqual([
      { caseId: h.case123.id, text: 'Assigned to Bob Smith by Alice Jones from Slack #incidents' },
    ]);
  });

  it('leaves the generic channel name of a DM out of the timeline note', async () => {
    const sent = await h.command(`CASE-123 <@${PEOPLE.bob.slack}>`, {
      channel_name: 'directmessage',
      channel_id: 'D0001',
    });
    await answerTo(sent.responseUrl);
    await h.slack.waitFor(() => h.coralogix.comments.length > 0);
    expect(h.coralogix.comments[0]!.text).toBe('Assigned to Bob Smith by Alice Jones from Slack');
  });

  it.each([
    ['me', 'CASE-123 me'],
    ['ME in capitals', 'CASE-123 ME'],
    ['no target', 'CASE-123'],
    ['a lower-case id', 'case-123'],
  ])('assigns to the one who typed it for %s', async (_, text) => {
    const sent = await h.command(text);
    const summary = await answerTo(sent.responseUrl);
    expect(summary.response_type).toBe('in_channel');
    expect(allText(summary)).toContain(`<@${PEOPLE.alice.slack}>`);
    expect(assignCalls()[0]).toMatchObject({
      path: '/mgmt/openapi/5/cases/assigned/v1/CASE-123',
      body: { assignee: { userId: PEOPLE.alice.cx } },
    });
  });

  it('takes a case UUID, in any letter case', async () => {
    const sent = await h.command(`${h.case123.id.toUpperCase()} me`);
    const summary = await answerTo(sent.responseUrl);
    expect(summary.response_type).toBe('in_channel');
    expect(assignCalls()[0]?.path).toBe(`/mgmt/openapi/5/cases/assigned/v1/${h.case123.id}`);
  });

  it('answers a bare @name privately with a person picker, calling nothing', async () => {
    const sent = await h.command('CASE-123 @bob');
    expect(sent.status).toBe(200);
    expect(sent.json.response_type ?? 'ephemeral').toBe('ephemeral');
    expect(allText(sent.json)).toContain('users_select');
    expect(blockKitViolations(sent.json)).toEqual([]);
    expect(h.coralogix.requests.filter((r) => r.path.includes('/cases/'))).toEqual([]);
  });

  it('answers malformed text with the usage and an example, calling nothing', async () => {
    const sent = await h.command('CASE 123 <@U0002> extra');
    expect(allText(sent.json)).toContain('/case-assign CASE-123');
    expect(h.coralogix.requests.filter((r) => r.path.includes('/cases/'))).toEqual([]);
  });

  it('shows the usage for help', async () => {
    const sent = await h.command('help');
    expect(allText(sent.json)).toContain('/case-assign');
    expect(blockKitViolations(sent.json)).toEqual([]);
  });

  it('refuses a target with no Coralogix user, saying who and how to fix it', async () => {
    const sent = await h.command(`CASE-123 <@${PEOPLE.dave.slack}>`);
    const answer = await answerTo(sent.responseUrl);
    expect(answer.response_type).toBe('ephemeral');
    expect(allText(answer)).toContain(`<@${PEOPLE.dave.slack}>`);
    expect(allText(answer)).toContain('dave@example.com');
    expect(allText(answer)).toContain('USER_MAP_FILE');
    expect(assignCalls()).toEqual([]);
  });

  it('refuses an actor with no Coralogix user', async () => {
    const sent = await h.command(`CASE-123 <@${PEOPLE.bob.slack}>`, { user_id: PEOPLE.dave.slack, user_name: 'dave' });
    const answer = await answerTo(sent.responseUrl);
    expect(answer.response_type).toBe('ephemeral');
    expect(allText(answer)).toContain('You have no Coralogix user');
    expect(allText(answer)).toContain('dave@example.com');
    expect(assignCalls()).toEqual([]);
  });

  it('explains a Slack user whose e-mail is hidden', async () => {
    const sent = await h.command(`CASE-123 <@${PEOPLE.carol.slack}>`);
    const answer = await answerTo(sent.responseUrl);
    expect(allText(answer)).toContain('e-mail');
    expect(allText(answer)).toContain(`<@${PEOPLE.carol.slack}>`);
    expect(assignCalls()).toEqual([]);
  });

  it('refuses someone from another workspace in a shared channel', async () => {
    const sent = await h.command('CASE-123 me', { user_id: PEOPLE.eve.slack, team_id: 'T0999' });
    const answer = await answerTo(sent.responseUrl);
    expect(answer.response_type).toBe('ephemeral');
    expect(allText(answer)).toContain('Only members of the workspace');
    expect(assignCalls()).toEqual([]);
  });

  it('says there is no such case', async () => {
    const sent = await h.command('CASE-999 me');
    const answer = await answerTo(sent.responseUrl);
    expect(answer.response_type).toBe('ephemeral');
    expect(allText(answer)).toContain('CASE-999');
    expect(allText(answer).toLowerCase()).toContain('no case');
  });

  it('names the permission the key lacks on a 403', async () => {
    h.coralogix.denyPermission('case:Assign');
    const sent = await h.command('CASE-123 me');
    const answer = await answerTo(sent.responseUrl);
    expect(allText(answer)).toContain('case:Assign');
    expect(h.logs.some((l) => l.level === 50 && l.code === 'coralogix_forbidden')).toBe(true);
  });

  it('refuses to reassign a closed case', async () => {
    h.coralogix.cases.get(h.case123.id)!.status = 'CASE_STATUS_CLOSED';
    const sent = await h.command('CASE-123 me');
    const answer = await answerTo(sent.responseUrl);
    expect(answer.response_type).toBe('ephemeral');
    expect(allText(answer).toLowerCase()).toContain('closed');
    expect(h.coralogix.cases.get(h.case123.id)!.assignee).toBeUndefined();
  });

  it('retries Coralogix answering 503, then succeeds', async () => {
    h.coralogix.failNext('POST /cases/assigned/v1', { status: 503, body: 'upstream connect error' });
    const sent = await h.command('CASE-123 me');
    const summary = await answerTo(sent.responseUrl);
    expect(summary.response_type).toBe('in_channel');
    expect(assignCalls()).toHaveLength(2);
  });

  it('tells the user nothing changed when Coralogix stays down', async () => {
    h.coralogix.failNext('POST /cases/assigned/v1', { status: 503, body: { code: 503, message: 'unavailable' } }, 10);
    const sent = await h.command('CASE-123 me');
    const answer = await answerTo(sent.responseUrl);
    expect(answer.response_type).toBe('ephemeral');
    expect(allText(answer).toLowerCase()).toContain('nothing was changed');
  });

  it('acknowledges Slack before a slow Coralogix answers', async () => {
    h.coralogix.setDelay(2500);
    const sent = await h.command('CASE-123 me');
    // The ack came back while Coralogix was still thinking: no answer has reached Slack yet.
    expect(sent.status).toBe(200);
    expect(h.slack.responses).toEqual([]);
    // Three Coralogix round trips (directory, assignment, then link and note together) at 2.5 s each.
    const summary = await answerTo(sent.responseUrl, 15_000);
    expect(summary.response_type).toBe('in_channel');
  });

  it('rejects a bad signature with 401 and calls nothing', async () => {
    const res = await postSigned(`${h.url}/slack/events`, slashCommandBody({ text: 'CASE-123 me' }), {
      secret: 'not-the-signing-secret',
    });
    expect(res.status).toBe(401);
    expect(h.coralogix.requests).toEqual(h.coralogix.requests.filter((r) => r.path.includes('teammates')));
    expect(assignCalls()).toEqual([]);
  });

  it('never writes a secret to the logs', async () => {
    const sent = await h.command(`CASE-123 <@${PEOPLE.bob.slack}>`);
    await answerTo(sent.responseUrl);
    const all = h.rawLogs.join('\n');
    expect(all.length).toBeGreaterThan(0);
    for (const secret of [CORALOGIX_KEY, h.slack.botToken, 'test-signing-secret']) expect(all).not.toContain(secret);
  });
});
