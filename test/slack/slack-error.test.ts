import { LogLevel, WebClient } from '@slack/web-api';
import { slackErrorOf } from '../../src/slack/slack-error';
import { startFakeSlack, type FakeSlack } from '../fakes/slack-server';

let fake: FakeSlack;
let slack: WebClient;

beforeEach(async () => {
  fake = await startFakeSlack();
  slack = new WebClient(fake.botToken, {
    slackApiUrl: fake.apiUrl,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    logLevel: LogLevel.ERROR,
  });
});
afterEach(() => fake.close());

const rejectionOf = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => error,
  );

describe("Slack's error string of a failed call", () => {
  it('is the platform error Slack answered with', async () => {
    fake.failNext('chat.postMessage', { error: 'channel_not_found' });
    const error = await rejectionOf(slack.chat.postMessage({ channel: 'C1', text: 'hi' }));
    expect(slackErrorOf(error)).toBe('channel_not_found');
  });

  it('is absent when Slack answered with an HTTP status or a rate limit', async () => {
    fake.failNext('chat.postMessage', { status: 500 });
    expect(slackErrorOf(await rejectionOf(slack.chat.postMessage({ channel: 'C1', text: 'hi' })))).toBeUndefined();
    fake.failNext('chat.postMessage', { retryAfter: 3 });
    expect(slackErrorOf(await rejectionOf(slack.chat.postMessage({ channel: 'C1', text: 'hi' })))).toBeUndefined();
  });

  it('is absent for anything that is no Slack error', () => {
    for (const thrown of [undefined, null, 'invalid_auth', new Error('boom'), { data: { error: 42 } }]) {
      expect(slackErrorOf(thrown)).toBeUndefined();
    }
  });
});
