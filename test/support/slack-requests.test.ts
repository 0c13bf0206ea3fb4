import type { AddressInfo } from 'node:net';
import { App, LogLevel, isValidSlackRequest, verifySlackRequest } from '@slack/bolt';
import { startFakeSlack, type FakeSlack } from '../fakes/slack-server';
import {
  SIGNING_SECRET,
  blockActionsBody,
  blockActionsPayload,
  postSigned,
  sign,
  slashCommandBody,
  slashCommandPayload,
} from './slack-requests';

/** Bolt's own verifier, fed the headers as an HTTP server would see them. */
function boltAccepts(body: string, headers: Record<string, string>, signingSecret = SIGNING_SECRET): boolean {
  const signed = {
    'x-slack-signature': headers['x-slack-signature'] ?? '',
    'x-slack-request-timestamp': Number(headers['x-slack-request-timestamp']),
  };
  return isValidSlackRequest({ signingSecret, body, headers: signed });
}

describe('sign', () => {
  const body = slashCommandBody({ text: 'CASE-1 <@U2|bob>' });

  it('produces a signature Bolt verifies', () => {
    const headers = sign(body);
    expect(() =>
      verifySlackRequest({
        signingSecret: SIGNING_SECRET,
        body,
        headers: {
          'x-slack-signature': headers['x-slack-signature'] ?? '',
          'x-slack-request-timestamp': Number(headers['x-slack-request-timestamp']),
        },
      }),
    ).not.toThrow();
  });

  it('is refused for a tampered body, another secret, or a stale timestamp', () => {
    const sixMinutesAgo = Math.floor(Date.now() / 1000) - 360;

    expect(boltAccepts(body.replace('CASE-1', 'CASE-2'), sign(body))).toBe(false);
    expect(boltAccepts(body, sign(body, 'another-secret'))).toBe(false);
    expect(boltAccepts(body, sign(body, SIGNING_SECRET, sixMinutesAgo))).toBe(false);
  });

  it('sends the bare form content type Bolt insists on', () => {
    expect(sign(body)['content-type']).toBe('application/x-www-form-urlencoded');
  });
});

describe('payload builders', () => {
  it('builds a slash command form with the fields Slack sends', () => {
    const form = Object.fromEntries(new URLSearchParams(slashCommandBody({ text: 'CASE-1 me' })));

    expect(form).toMatchObject({ command: '/case-assign', text: 'CASE-1 me', is_enterprise_install: 'false' });
    expect(Object.keys(form)).toEqual(expect.arrayContaining(['team_id', 'channel_id', 'user_id', 'trigger_id']));
  });

  it('leaves out optional fields nobody set', () => {
    expect(slashCommandPayload()).not.toHaveProperty('enterprise_id');
  });

  it('keeps the container in step with the channel and message a test overrides', () => {
    const payload = blockActionsPayload({ channel: { id: 'C9' }, message: { ts: '1700000009.000009' } });

    expect(payload.container).toMatchObject({ type: 'message', channel_id: 'C9', message_ts: '1700000009.000009' });
    expect(payload.channel.name).toBe('incidents');
  });

  it('fills each action from defaults of its own type', () => {
    const [picked] = blockActionsPayload({ actions: [{ type: 'users_select', selected_user: 'U7' }] }).actions;

    expect(picked).toMatchObject({ type: 'users_select', selected_user: 'U7', block_id: expect.any(String) });
    expect(picked).not.toHaveProperty('value');
  });

  it('wraps an interaction as the single form field `payload`', () => {
    const payload = blockActionsPayload();
    expect(new URLSearchParams(blockActionsBody(payload)).get('payload')).toBe(JSON.stringify(payload));
  });
});

describe('against a Bolt app over HTTP', () => {
  let fake: FakeSlack;
  let app: App;
  let url: string;

  beforeAll(async () => {
    fake = await startFakeSlack();
    app = new App({
      signingSecret: SIGNING_SECRET,
      token: fake.botToken,
      clientOptions: { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } },
      logLevel: LogLevel.ERROR,
    });
    app.command('/case-assign', async ({ command, ack }) => {
      await ack({ text: `got ${command.text}` });
    });
    app.action('case_action', async ({ ack, respond }) => {
      await ack();
      await respond({ text: 'clicked', replace_original: true });
    });
    const server = (await app.start({ port: 0, host: '127.0.0.1' })) as { address(): AddressInfo };
    url = `http://127.0.0.1:${server.address().port}/slack/events`;
  });
  afterAll(async () => {
    await app.stop();
    await fake.close();
  });

  it('gets a signed slash command through to its listener', async () => {
    const answer = await postSigned(url, slashCommandBody({ text: 'CASE-1 <@U2>' }));
    expect(answer).toMatchObject({ status: 200, json: { text: 'got CASE-1 <@U2>' } });
  });

  it('gets a signed click through, whose answer reaches the response_url', async () => {
    const payload = blockActionsPayload({ response_url: fake.responseUrl('click') });

    expect((await postSigned(url, blockActionsBody(payload))).status).toBe(200);
    await fake.waitFor(() => fake.responses.find((r) => r.id === 'click'));
  });

  it('is refused with 401 when signed with another secret', async () => {
    expect((await postSigned(url, slashCommandBody(), { secret: 'wrong' })).status).toBe(401);
  });
});
