import { LogLevel, WebAPIPlatformError, WebClient, type WebClientOptions } from '@slack/web-api';
import { startFakeSlack, type FakeSlack } from './slack-server';

let fake: FakeSlack;
let slack: WebClient;

/** The client logs Slack's `[ERROR]` details itself; the tests assert on them, so it stays quiet. */
const quiet = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  setLevel: () => undefined,
  getLevel: () => LogLevel.ERROR,
  setName: () => undefined,
};

const clientFor = (token: string, options: WebClientOptions = {}) =>
  new WebClient(token, { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 }, logger: quiet, ...options });

/** The rejection of a promise that must reject, to assert on its class and fields. */
async function failureOf<E = WebAPIPlatformError>(promise: Promise<unknown>): Promise<E> {
  return promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => error as E,
  );
}

const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });

beforeEach(async () => {
  fake = await startFakeSlack();
  slack = clientFor(fake.botToken);
});
afterEach(() => fake.close());

describe('chat messages', () => {
  it('stores a posted message and answers with a Slack-shaped ts, unique per message', async () => {
    const first = await slack.chat.postMessage({
      channel: 'C1',
      text: 'CASE-1 assigned',
      blocks: [section('*CASE-1*')],
    });
    const second = await slack.chat.postMessage({ channel: 'C1', text: 'CASE-2 assigned' });

    expect(first.ts).toMatch(/^\d{10}\.\d{6}$/);
    expect(second.ts).not.toBe(first.ts);
    expect(fake.messages.get('C1')).toEqual([
      { ts: first.ts, text: 'CASE-1 assigned', blocks: [section('*CASE-1*')], edits: 0 },
      { ts: second.ts, text: 'CASE-2 assigned', blocks: [], edits: 0 },
    ]);
    expect(fake.calls[0]).toMatchObject({
      method: 'chat.postMessage',
      token: fake.botToken,
      args: { blocks: [section('*CASE-1*')] },
    });
  });

  it('keeps the thread a reply was posted in', async () => {
    const parent = await slack.chat.postMessage({ channel: 'C1', text: 'parent' });
    await slack.chat.postMessage({ channel: 'C1', text: 'reply', thread_ts: parent.ts! });

    expect(fake.messages.get('C1')?.[1]).toMatchObject({ text: 'reply', thread_ts: parent.ts });
  });

  it('refuses blocks over Slack limits with invalid_blocks and a json-pointer, storing nothing', async () => {
    const header = { type: 'header', text: { type: 'plain_text', text: 'x'.repeat(151) } };
    const error = await failureOf(slack.chat.postMessage({ channel: 'C1', text: 'too long', blocks: [header] }));

    expect(error).toBeInstanceOf(WebAPIPlatformError);
    expect(error.data).toMatchObject({
      error: 'invalid_blocks',
      errors: [expect.stringContaining('[json-pointer:/blocks/0/text')],
    });
    expect(fake.messages.get('C1')).toBeUndefined();
    expect(fake.calls[0]?.error).toBe('invalid_blocks');
  });

  it('answers no_text to a message with neither text nor blocks', async () => {
    const error = await failureOf(slack.chat.postMessage({ channel: 'C1', text: '' }));
    expect(error.data.error).toBe('no_text');
  });

  it('answers not_in_channel and channel_not_found for channels set up that way', async () => {
    fake.setNotInChannel('C_PRIVATE');
    fake.setUnknownChannel('C_GONE');

    expect((await failureOf(slack.chat.postMessage({ channel: 'C_PRIVATE', text: 'hi' }))).data.error).toBe(
      'not_in_channel',
    );
    expect((await failureOf(slack.chat.postMessage({ channel: 'C_GONE', text: 'hi' }))).data.error).toBe(
      'channel_not_found',
    );
  });

  it('updates a posted message in place and counts the edit', async () => {
    const posted = await slack.chat.postMessage({ channel: 'C1', text: 'unassigned' });
    const updated = await slack.chat.update({
      channel: 'C1',
      ts: posted.ts!,
      text: 'assigned',
      blocks: [section('now')],
    });

    expect(updated.ts).toBe(posted.ts);
    expect(fake.messages.get('C1')).toEqual([{ ts: posted.ts, text: 'assigned', blocks: [section('now')], edits: 1 }]);
  });

  it('answers message_not_found when updating a message it never posted', async () => {
    const error = await failureOf(slack.chat.update({ channel: 'C1', ts: '1700000000.000001', text: 'x' }));
    expect(error.data.error).toBe('message_not_found');
  });

  it('records ephemeral messages with who they were for', async () => {
    await slack.chat.postEphemeral({ channel: 'C1', user: 'U1', text: 'only you' });
    expect(fake.ephemerals).toEqual([{ channel: 'C1', user: 'U1', text: 'only you', blocks: [] }]);
  });
});

describe('users', () => {
  beforeEach(() => {
    fake.addUser({ id: 'U1', teamId: fake.teamId, name: 'alice', realName: 'Alice Doe', email: 'Alice@Example.com' });
    fake.addUser({ id: 'U2', teamId: fake.teamId, name: 'bob' });
  });

  it('returns the profile e-mail only when it is visible', async () => {
    const alice = await slack.users.info({ user: 'U1' });
    const bob = await slack.users.info({ user: 'U2' });

    expect(alice.user).toMatchObject({ id: 'U1', real_name: 'Alice Doe', profile: { email: 'Alice@Example.com' } });
    expect(bob.user?.profile).toBeDefined();
    expect(bob.user?.profile).not.toHaveProperty('email');
  });

  it('answers user_not_found for an unknown user', async () => {
    expect((await failureOf(slack.users.info({ user: 'U404' }))).data.error).toBe('user_not_found');
  });

  it('finds a user by e-mail regardless of case, and answers users_not_found otherwise', async () => {
    expect((await slack.users.lookupByEmail({ email: 'alice@example.COM' })).user?.id).toBe('U1');
    expect((await failureOf(slack.users.lookupByEmail({ email: 'nobody@example.com' }))).data.error).toBe(
      'users_not_found',
    );
  });
});

describe('tokens and methods', () => {
  it('answers auth.test with the workspace and the bot identity', async () => {
    expect(await slack.auth.test()).toMatchObject({
      ok: true,
      team_id: fake.teamId,
      user_id: 'U_BOT',
      bot_id: 'B_BOT',
    });
  });

  it('refuses a token it does not know with invalid_auth', async () => {
    const error = await failureOf(clientFor('xoxb-wrong').auth.test());
    expect(error.data.error).toBe('invalid_auth');
  });

  it('keeps bot and app-level tokens apart', async () => {
    const withAppToken = clientFor(fake.appToken);
    expect((await failureOf(withAppToken.chat.postMessage({ channel: 'C1', text: 'x' }))).data.error).toBe(
      'not_allowed_token_type',
    );
    expect((await failureOf(slack.apps.connections.open({}))).data.error).toBe('not_allowed_token_type');
    expect((await withAppToken.apps.connections.open({})).url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/link$/);
  });

  it('answers unknown_method for a method it does not implement', async () => {
    expect((await failureOf(slack.apiCall('cases.frobnicate'))).data.error).toBe('unknown_method');
  });

  it('tolerates the team_id a Bolt listener client adds to every call', async () => {
    await clientFor(fake.botToken, { teamId: fake.teamId }).chat.postMessage({ channel: 'C1', text: 'hi' });
    expect(fake.calls[0]?.args).toMatchObject({ team_id: fake.teamId, channel: 'C1' });
  });

  it('accepts a JSON body as Slack does', async () => {
    const res = await fetch(`${fake.apiUrl}chat.postMessage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', authorization: `Bearer ${fake.botToken}` },
      body: JSON.stringify({ channel: 'C1', text: 'json', blocks: [section('json')] }),
    });
    expect(await res.json()).toMatchObject({ ok: true, channel: 'C1' });
    expect(fake.messages.get('C1')?.[0]?.blocks).toEqual([section('json')]);
  });
});

describe('channels and modals', () => {
  it('describes a channel, including whether the bot is in it', async () => {
    fake.setNotInChannel('C_PRIVATE');

    expect((await slack.conversations.info({ channel: 'C1' })).channel).toMatchObject({ id: 'C1', is_member: true });
    expect((await slack.conversations.info({ channel: 'C_PRIVATE' })).channel?.is_member).toBe(false);
  });

  it('answers channel_not_found for a channel set up as unknown', async () => {
    fake.setUnknownChannel('C_GONE');
    expect((await failureOf(slack.conversations.info({ channel: 'C_GONE' }))).data.error).toBe('channel_not_found');
  });

  it('opens a modal and refuses one whose blocks break the limits', async () => {
    const view = { type: 'modal' as const, title: { type: 'plain_text' as const, text: 'Assign' }, blocks: [] };
    const opened = await slack.views.open({ trigger_id: '1.2.3', view });
    const tooMany = { ...view, blocks: Array.from({ length: 101 }, () => ({ type: 'divider' as const })) };
    const error = await failureOf(slack.views.open({ trigger_id: '1.2.4', view: tooMany }));

    expect(opened.view).toMatchObject({ id: expect.any(String), type: 'modal', title: view.title });
    expect(error.data).toMatchObject({ error: 'invalid_arguments' });
    expect(fake.calls.map((c) => c.args.view)).toEqual([view, tooMany]);
  });
});
