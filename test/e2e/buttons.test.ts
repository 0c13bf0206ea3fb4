import { ACTION } from '../../src/blocks/action-ids';
import { blockKitViolations } from '../support/block-kit-limits';
import { PEOPLE, startHarness, type Harness } from '../support/harness';
import { blockActionsPayload } from '../support/slack-payloads';
import { blockActionsBody, postSigned } from '../support/slack-requests';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

const idOf = (responseUrl: string) => responseUrl.split('/').pop()!;
const answersTo = (responseUrl: string) =>
  h.slack.responses.filter((r) => r.id === idOf(responseUrl)).map((r) => r.body);
const firstAnswer = (responseUrl: string) => h.slack.waitFor(() => answersTo(responseUrl)[0]);
const text = (m: unknown) => JSON.stringify(m);
const cxCalls = (method: string, part: string) =>
  h.coralogix.requests.filter((r) => r.method === method && r.path.includes(part));
const caseNow = () => h.coralogix.cases.get(h.case123.id)!;

function button(actionId: string, value = h.case123.id) {
  return { type: 'button', action_id: actionId, block_id: 'case.actions', value };
}

describe('case buttons, end to end', () => {
  it('"Assign to me" assigns to the clicker and replaces the message with who did what', async () => {
    const sent = await h.click({ actions: [button(ACTION.assignToMe)] });
    expect(sent.status).toBe(200);
    const update = await firstAnswer(sent.responseUrl);
    expect(update.replace_original).toBe(true);
    expect(blockKitViolations(update)).toEqual([]);
    expect(text(update)).toContain(`<@${PEOPLE.alice.slack}>`);
    expect(text(update)).toContain('<!date^');
    expect(caseNow().assignee).toEqual({ userId: PEOPLE.alice.cx });
    await h.slack.waitFor(() => h.coralogix.comments.length === 1);
    expect(h.coralogix.comments[0]!.text).toBe('Assigned to Alice Jones by Alice Jones from Slack #incidents');
  });

  it('Reassign through the user picker assigns to the chosen person', async () => {
    const sent = await h.click({
      actions: [
        { type: 'users_select', action_id: ACTION.reassign, block_id: 'case.actions', selected_user: PEOPLE.bob.slack },
      ],
      message: {
        blocks: [{ type: 'actions', block_id: 'case.actions', elements: [button(ACTION.assignToMe)] }],
      },
    });
    const update = await firstAnswer(sent.responseUrl);
    expect(update.replace_original).toBe(true);
    expect(text(update)).toContain(`<@${PEOPLE.bob.slack}>`);
    expect(caseNow().assignee).toEqual({ userId: PEOPLE.bob.cx });
  });

  it('Acknowledge acknowledges and the button disappears', async () => {
    const sent = await h.click({ actions: [button(ACTION.acknowledge)] });
    const update = await firstAnswer(sent.responseUrl);
    expect(caseNow().status).toBe('CASE_STATUS_ACKNOWLEDGED');
    expect(cxCalls('PUT', '/cases/acknowledged/v1/')).toHaveLength(1);
    expect(text(update)).not.toContain(ACTION.acknowledge);
    expect(blockKitViolations(update)).toEqual([]);
  });

  it('Unassign (behind its confirmation) unassigns and drops the button', async () => {
    caseNow().assignee = { userId: PEOPLE.bob.cx };
    const sent = await h.click({ actions: [button(ACTION.more)] });
    const update = await firstAnswer(sent.responseUrl);
    expect(caseNow().assignee).toBeUndefined();
    expect(text(update)).not.toContain(ACTION.more);
    expect(cxCalls('DELETE', '/cases/assigned/v1/')).toHaveLength(1);
  });

  it('refreshes a stale message when the case was resolved meanwhile, and tells only the clicker', async () => {
    caseNow().status = 'CASE_STATUS_RESOLVED';
    const sent = await h.click({ actions: [button(ACTION.assignToMe)] });
    await h.slack.waitFor(() => answersTo(sent.responseUrl).length >= 2);
    const [update, notice] = answersTo(sent.responseUrl);
    expect(update.replace_original).toBe(true);
    expect(text(update)).not.toContain(ACTION.assignToMe);
    expect(text(update).toLowerCase()).toContain('resolved');
    expect(notice.response_type).toBe('ephemeral');
    expect(notice.replace_original).toBe(false);
    // Coralogix refused the assignment of a finished case; the refusal is what revealed the change.
    expect(caseNow().assignee).toBeUndefined();
  });

  it('makes one change and one note when the same click arrives twice', async () => {
    const action = button(ACTION.assignToMe);
    const [a, b] = await Promise.all([h.click({ actions: [action] }), h.click({ actions: [action] })]);
    await firstAnswer(a.responseUrl);
    await h.slack.waitFor(() => h.coralogix.comments.length >= 1);
    expect(b.status).toBe(200);
    expect(cxCalls('POST', '/cases/assigned/v1/')).toHaveLength(1);
    expect(h.coralogix.comments).toHaveLength(1);
  });

  it('leaves the message as it was when Coralogix fails mid-click, and tells the clicker', async () => {
    h.coralogix.failNext('PUT /cases/acknowledged/v1', { status: 500, body: { code: 500, message: 'internal' } }, 10);
    const sent = await h.click({ actions: [button(ACTION.acknowledge)] });
    const answer = await firstAnswer(sent.responseUrl);
    expect(answer.replace_original).toBe(false);
    expect(answer.response_type).toBe('ephemeral');
    expect(text(answer).toLowerCase()).toContain('nothing was changed');
    expect(answersTo(sent.responseUrl).some((r) => r.replace_original === true)).toBe(false);
  });

  it('still changes the case without the comment permission, and warns once', async () => {
    h.coralogix.denyPermission('case:Comment');
    const sent = await h.click({ actions: [button(ACTION.assignToMe)] });
    const update = await firstAnswer(sent.responseUrl);
    expect(update.replace_original).toBe(true);
    expect(caseNow().assignee).toEqual({ userId: PEOPLE.alice.cx });
    expect(h.coralogix.comments).toEqual([]);
    expect(h.logs.filter((l) => l.level === 40 && String(l.msg).includes('case:Comment'))).toHaveLength(1);
  });

  it('refuses a clicker from another workspace and changes nothing', async () => {
    const sent = await h.click({
      user: { id: PEOPLE.eve.slack, team_id: 'T0999' },
      actions: [button(ACTION.assignToMe)],
    });
    const answer = await firstAnswer(sent.responseUrl);
    expect(answer.response_type).toBe('ephemeral');
    expect(answer.replace_original).toBe(false);
    expect(text(answer)).toContain('Only members of the workspace');
    expect(caseNow().assignee).toBeUndefined();
  });

  it('refuses a click that names no workspace at all', async () => {
    const responseUrl = h.slack.responseUrl();
    const payload = blockActionsPayload({ response_url: responseUrl, actions: [button(ACTION.assignToMe)] });
    const user: Partial<typeof payload.user> = { ...payload.user };
    delete user.team_id;
    await postSigned(`${h.url}/slack/events`, blockActionsBody({ ...payload, team: null, user }));
    const answer = await firstAnswer(responseUrl);
    expect(text(answer)).toContain('Only members of the workspace');
    expect(caseNow().assignee).toBeUndefined();
  });

  it('acts again on a click on the refreshed message: assign, unassign, assign', async () => {
    const first = await h.click({ actions: [button(ACTION.assignToMe)] });
    const update = await firstAnswer(first.responseUrl);
    const actionsBlockOf = (m: { blocks: Array<{ type: string; block_id: string }> }) =>
      m.blocks.find((b) => b.type === 'actions')!.block_id;
    const unassigned = await h.click({ actions: [{ ...button(ACTION.more), block_id: actionsBlockOf(update) }] });
    const afterUnassign = await firstAnswer(unassigned.responseUrl);
    expect(caseNow().assignee).toBeUndefined();
    const again = await h.click({
      actions: [{ ...button(ACTION.assignToMe), block_id: actionsBlockOf(afterUnassign) }],
    });
    await firstAnswer(again.responseUrl);
    expect(caseNow().assignee).toEqual({ userId: PEOPLE.alice.cx });
    expect(cxCalls('POST', '/cases/assigned/v1/')).toHaveLength(2);
  });

  it('assigns once when the same person is picked twice in the picker offered after a bare @name', async () => {
    const pick = {
      type: 'users_select',
      action_id: ACTION.pickAssignee,
      block_id: `pick:${h.case123.id}`,
      selected_user: PEOPLE.bob.slack,
    };
    const [a] = await Promise.all([h.click({ actions: [pick] }), h.click({ actions: [pick] })]);
    const summary = await firstAnswer(a.responseUrl);
    expect(summary.response_type).toBe('in_channel');
    expect(text(summary)).toContain(`<@${PEOPLE.bob.slack}>`);
    expect(cxCalls('POST', '/cases/assigned/v1/')).toHaveLength(1);
  });

  it('refuses a clicker with no Coralogix user before anything changes', async () => {
    const sent = await h.click({ user: { id: PEOPLE.dave.slack }, actions: [button(ACTION.assignToMe)] });
    const answer = await firstAnswer(sent.responseUrl);
    expect(answer.response_type).toBe('ephemeral');
    expect(text(answer)).toContain('USER_MAP_FILE');
    expect(h.coralogix.requests.filter((r) => r.path.includes('/cases/'))).toEqual([]);
  });

  it('updates a message posted with chat.postMessage through chat.update when the response_url is gone', async () => {
    h.slack.failNext('response_url', { status: 404, body: 'no_service' });
    const posted = await fetch(`${h.slack.apiUrl}chat.postMessage`, {
      method: 'POST',
      headers: { authorization: `Bearer ${h.slack.botToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ channel: 'C0001', text: 'CASE-123' }),
    }).then((r) => r.json() as Promise<{ ts: string }>);
    await h.click({ message: { ts: posted.ts }, actions: [button(ACTION.assignToMe)] });
    const updated = await h.slack.waitFor(() => h.slack.calls.find((c) => c.method === 'chat.update'));
    expect(updated.args).toMatchObject({ channel: 'C0001', ts: posted.ts });
    expect(text(updated.args)).toContain(`<@${PEOPLE.alice.slack}>`);
  });
});
