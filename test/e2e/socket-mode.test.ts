import { ACTION } from '../../src/blocks/action-ids';
import { blockActionsPayload, slashCommandPayload } from '../support/slack-payloads';
import { CORALOGIX_KEY, PEOPLE, startHarness, type Harness } from '../support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ socketMode: true });
});
afterAll(async () => {
  await h.close();
});

describe('Socket Mode, through a local WebSocket', () => {
  it('connects with the app token and serves /case-assign', async () => {
    await h.slack.waitFor(() => h.slack.socket.connections > 0);
    const responseUrl = h.slack.responseUrl('socket-cmd');
    const ack = await h.slack.socket.send({
      type: 'slash_commands',
      payload: slashCommandPayload({ text: `CASE-123 <@${PEOPLE.bob.slack}>`, response_url: responseUrl }),
    });
    expect(ack).toEqual({});

    const summary = await h.slack.waitFor(() => h.slack.responses.find((r) => r.id === 'socket-cmd')?.body);
    expect(summary.response_type).toBe('in_channel');
    expect(JSON.stringify(summary)).toContain(`<@${PEOPLE.bob.slack}>`);
    const assign = h.coralogix.requests.find((r) => r.method === 'POST' && r.path.includes('/cases/assigned/v1/'));
    expect(assign).toMatchObject({
      path: '/mgmt/openapi/5/cases/assigned/v1/CASE-123',
      body: { assignee: { userId: PEOPLE.bob.cx } },
    });
    expect(assign!.headers.authorization).toBe(`Bearer ${CORALOGIX_KEY}`);
  });

  it('answers a usage problem in the acknowledgement itself', async () => {
    const ack = await h.slack.socket.send({ type: 'slash_commands', payload: slashCommandPayload({ text: 'help' }) });
    expect(JSON.stringify(ack)).toContain('/case-assign');
  });

  it('handles a button click', async () => {
    const responseUrl = h.slack.responseUrl('socket-click');
    await h.slack.socket.send({
      type: 'interactive',
      payload: blockActionsPayload({
        response_url: responseUrl,
        actions: [{ type: 'button', action_id: ACTION.acknowledge, block_id: 'case.actions', value: h.case123.id }],
      }),
    });
    const update = await h.slack.waitFor(() => h.slack.responses.find((r) => r.id === 'socket-click')?.body);
    expect(update.replace_original).toBe(true);
    expect(h.coralogix.cases.get(h.case123.id)!.status).toBe('CASE_STATUS_ACKNOWLEDGED');
  });

  it('serves /healthz on its own HTTP server', async () => {
    const res = await fetch(`${h.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('ok');
  });
});

describe('Socket Mode with a wrong app-level token', () => {
  it('stops at start, naming SLACK_APP_TOKEN and how to make a good one', async () => {
    await expect(
      startHarness({ socketMode: true, env: { SLACK_APP_TOKEN: 'xapp-1-not-a-real-token' } }),
    ).rejects.toThrow(
      /Slack refused SLACK_APP_TOKEN \(invalid_auth\); generate an app-level token with the connections:write scope/,
    );
  });
});
