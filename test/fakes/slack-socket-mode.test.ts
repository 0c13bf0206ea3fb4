import { App, LogLevel, SocketModeReceiver } from '@slack/bolt';
import { blockActionsPayload, slashCommandPayload } from '../support/slack-requests';
import { startFakeSlack, type FakeSlack } from './slack-server';

let fake: FakeSlack;
let app: App | undefined;

/**
 * A Bolt app in Socket Mode whose every Slack call goes to the fake, built the way src/app.ts
 * would. `reconnectDelayMs` swaps in a receiver whose client waits that long (not 5 s) to reconnect.
 */
async function startSocketApp(reconnectDelayMs?: number): Promise<App> {
  const clientOptions = { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } };
  const receiver =
    reconnectDelayMs === undefined
      ? undefined
      : new SocketModeReceiver({
          appToken: fake.appToken,
          clientPingTimeout: reconnectDelayMs,
          installerOptions: { clientOptions },
          logLevel: LogLevel.ERROR,
        });
  const socketApp = new App({
    socketMode: true,
    appToken: fake.appToken,
    token: fake.botToken,
    clientOptions,
    logLevel: LogLevel.ERROR,
    ...(receiver ? { receiver } : {}),
  });
  socketApp.command('/case-assign', async ({ command, ack }) => {
    await ack({ text: `got ${command.text}` });
  });
  socketApp.action('case_action', async ({ action, ack, respond }) => {
    await ack();
    await respond({ text: `clicked ${'value' in action ? action.value : '?'}`, replace_original: true });
  });
  await socketApp.start();
  return socketApp;
}

beforeEach(async () => {
  fake = await startFakeSlack();
});
afterEach(async () => {
  // The app goes first: a fake that vanishes under a connected app makes it retry forever.
  await app?.stop();
  app = undefined;
  await fake.close();
});

it('opens a connection with the app-level token', async () => {
  app = await startSocketApp();

  expect(fake.socket.connections).toBe(1);
  expect(fake.calls.find((c) => c.method === 'apps.connections.open')?.token).toBe(fake.appToken);
});

it('delivers a slash command and returns what the app acknowledged with', async () => {
  app = await startSocketApp();

  const ack = await fake.socket.send({
    type: 'slash_commands',
    payload: slashCommandPayload({ text: 'CASE-1 <@U2>' }),
  });
  expect(ack).toEqual({ text: 'got CASE-1 <@U2>' });
});

it('delivers a button click whose answer arrives on the response_url', async () => {
  app = await startSocketApp();
  const payload = blockActionsPayload({ response_url: fake.responseUrl('click'), actions: [{ value: 'CASE-9' }] });

  expect(await fake.socket.send({ type: 'interactive', payload })).toEqual({});
  const answer = await fake.waitFor(() => fake.responses.find((r) => r.id === 'click'));
  expect(answer.body).toMatchObject({ text: 'clicked CASE-9', replace_original: true });
});

it('rejects when the app never acknowledges', async () => {
  app = await startSocketApp();

  const unheard = fake.socket.send(
    { type: 'slash_commands', payload: slashCommandPayload({ command: '/other' }) },
    200,
  );
  await expect(unheard).rejects.toThrow(/no ack for slash_commands envelope env-\d+ within 200 ms/);
});

it('rejects when no app is connected', async () => {
  const lonely = fake.socket.send({ type: 'slash_commands', payload: slashCommandPayload() }, 50);
  await expect(lonely).rejects.toThrow(/no Socket Mode connection/);
});

it('lets the app reconnect after Slack asks it to', async () => {
  app = await startSocketApp(500);

  fake.socket.disconnect('refresh_requested');
  await fake.waitFor(() => fake.calls.filter((c) => c.method === 'apps.connections.open').length === 2);
  await fake.waitFor(() => fake.socket.connections === 1);
  const ack = await fake.socket.send({ type: 'slash_commands', payload: slashCommandPayload({ text: 'again' }) });
  expect(ack).toEqual({ text: 'got again' });
});
