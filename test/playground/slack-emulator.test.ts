import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifySlackRequest } from '@slack/bolt';
import { WebClient } from '@slack/web-api';
import { CHANNEL } from '../../src/playground/people';
import { startSlackEmulator, type SlackEmulator } from '../../src/playground/slack-emulator';

interface Received {
  headers: IncomingMessage['headers'];
  body: string;
}

/** Stands in for the app's /slack/events: records what arrives and answers with `ack`. */
async function startReceiver(ack: () => string = () => ''): Promise<{ server: Server; url: string; got: Received[] }> {
  const got: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      got.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const body = ack();
      res.writeHead(200, body ? { 'content-type': 'application/json' } : {});
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`, got };
}

let slack: SlackEmulator;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let ackBody = '';

beforeEach(async () => {
  slack = await startSlackEmulator();
  ackBody = '';
  receiver = await startReceiver(() => ackBody);
  slack.connect(receiver.url);
});
afterEach(async () => {
  await slack.close();
  receiver.server.closeAllConnections();
  await new Promise((resolve) => receiver.server.close(resolve));
});

const client = () => new WebClient(slack.botToken, { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } });
const form = (r: Received) => Object.fromEntries(new URLSearchParams(r.body));

test('signs a slash command the way Bolt verifies it, with @handles turned into mentions', async () => {
  await slack.command('U01ALICE', 'CASE-3 @bob & @nobody');

  const [request] = receiver.got;
  expect(request?.headers['content-type']).toBe('application/x-www-form-urlencoded');
  expect(() =>
    verifySlackRequest({
      signingSecret: slack.signingSecret,
      body: request!.body,
      headers: {
        'x-slack-signature': String(request!.headers['x-slack-signature']),
        'x-slack-request-timestamp': Number(request!.headers['x-slack-request-timestamp']),
      },
    }),
  ).not.toThrow();
  expect(form(request!)).toMatchObject({
    command: '/case-assign',
    text: 'CASE-3 <@U02BOB|bob> &amp; @nobody',
    user_id: 'U01ALICE',
    channel_id: CHANNEL.id,
  });
});

test('a signature made with another secret does not verify', async () => {
  await slack.command('U01ALICE', 'help');
  const request = receiver.got[0]!;
  expect(() =>
    verifySlackRequest({
      signingSecret: 'not-the-secret',
      body: request.body,
      headers: {
        'x-slack-signature': String(request.headers['x-slack-signature']),
        'x-slack-request-timestamp': Number(request.headers['x-slack-request-timestamp']),
      },
    }),
  ).toThrow();
});

test('an acknowledgement with a body is shown only to the one who typed the command', async () => {
  ackBody = JSON.stringify({ text: 'How to use /case-assign' });
  await slack.command('U01ALICE', 'help');

  const seen = (user: string) => slack.workspace.visibleTo(user).map((m) => m.text);
  expect(seen('U01ALICE')).toEqual(['/case-assign help', 'How to use /case-assign']);
  expect(seen('U02BOB')).toEqual([]);
});

test('response_url: in_channel posts for everyone, ephemeral for the actor, replace_original edits the click', async () => {
  await slack.command('U01ALICE', 'CASE-3');
  const responseUrl = form(receiver.got[0]!).response_url!;
  await fetch(responseUrl, { method: 'POST', body: JSON.stringify({ response_type: 'in_channel', text: 'summary' }) });
  const posted = slack.workspace.visibleTo('U02BOB').find((m) => m.text === 'summary')!;
  expect(posted).toBeDefined();

  await slack.click('U02BOB', posted.ts, { actionId: 'case.assign_me', blockId: 'b', value: 'CASE-3' });
  const payload = JSON.parse(form(receiver.got[1]!).payload!);
  expect(payload).toMatchObject({
    type: 'block_actions',
    user: { id: 'U02BOB' },
    container: { message_ts: posted.ts },
  });
  await fetch(payload.response_url, {
    method: 'POST',
    body: JSON.stringify({ replace_original: true, text: 'updated' }),
  });
  await fetch(payload.response_url, {
    method: 'POST',
    body: JSON.stringify({ response_type: 'ephemeral', text: 'for bob' }),
  });

  expect(slack.workspace.find(CHANNEL.id, posted.ts)).toMatchObject({ text: 'updated', edited: true });
  expect(slack.workspace.visibleTo('U01ALICE').map((m) => m.text)).not.toContain('for bob');
  expect(slack.workspace.visibleTo('U02BOB').map((m) => m.text)).toContain('for bob');
});

test('the Web API takes form-encoded blocks with a Bearer token, as @slack/web-api sends them', async () => {
  const sent = await client().chat.postMessage({
    channel: CHANNEL.id,
    text: 'fallback',
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '*hi*' } }],
  });
  expect(slack.workspace.find(CHANNEL.id, sent.ts!)?.blocks).toEqual([
    { type: 'section', text: { type: 'mrkdwn', text: '*hi*' } },
  ]);
  await client().chat.update({ channel: CHANNEL.id, ts: sent.ts!, text: 'edited' });
  expect(slack.workspace.find(CHANNEL.id, sent.ts!)?.text).toBe('edited');
});

test('answers users.info and users.lookupByEmail; a wrong token is invalid_auth', async () => {
  const info = await client().users.info({ user: 'U05EVE' });
  expect(info.user).toMatchObject({ team_id: 'T0PARTNER1', profile: { email: 'eve@partner.example' } });
  const found = await client().users.lookupByEmail({ email: 'BOB.SMITH@acme.example' });
  expect(found.user?.id).toBe('U02BOB');
  const stranger = new WebClient('xoxb-wrong', { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } });
  await expect(stranger.auth.test()).rejects.toMatchObject({ data: { error: 'invalid_auth' } });
});

test('an app that cannot be reached shows the failure to the one who acted, as Slack does', async () => {
  slack.connect('http://127.0.0.1:9/slack/events');
  await slack.command('U01ALICE', 'CASE-3');
  expect(slack.workspace.visibleTo('U01ALICE').at(-1)?.text).toBe(
    '/case-assign failed with the error "dispatch_failed"',
  );
});
