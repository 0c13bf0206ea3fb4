import { webApi } from '@slack/bolt';
import { startFakeSlack, type FakeSlack } from '../fakes/slack-server';
import { createSlackDirectory, type SlackDirectoryOptions } from '../../src/users/slack-directory';

let slack: FakeSlack;

beforeAll(async () => {
  slack = await startFakeSlack();
  slack.addUser({ id: 'U1', teamId: 'T0001', name: 'alice', realName: 'Alice Liddell', email: 'Alice@Example.com' });
  slack.addUser({ id: 'W0HIDDEN', teamId: 'T0001', name: 'hidden' });
});
afterAll(() => slack.close());

function clock() {
  let t = 5_000_000;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

/** A directory over a real WebClient pointed at the fake, and a count of the calls it makes from here on. */
function directory(opts: SlackDirectoryOptions = {}) {
  const client = new webApi.WebClient(slack.botToken, {
    slackApiUrl: slack.apiUrl,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    logLevel: webApi.LogLevel.ERROR,
  });
  const start = slack.calls.length;
  const calls = (method: string) => slack.calls.slice(start).filter((c) => c.method === method).length;
  return { dir: createSlackDirectory(client.users, opts), calls };
}

describe('SlackDirectory', () => {
  it('reads a profile with its e-mail and name', async () => {
    const { dir } = directory();
    await expect(dir.profile('U1')).resolves.toMatchObject({
      id: 'U1',
      email: 'Alice@Example.com',
      name: 'Alice Liddell',
      teamId: 'T0001',
    });
  });

  it('reads a profile whose e-mail is hidden as one without e-mail', async () => {
    const { dir } = directory();
    const profile = await dir.profile('W0HIDDEN');
    expect(profile?.id).toBe('W0HIDDEN');
    expect(profile?.email).toBeUndefined();
  });

  it('answers a second lookup of a user from the cache', async () => {
    const hits: boolean[] = [];
    const { dir, calls } = directory({ onCache: (hit) => hits.push(hit) });
    await dir.profile('U1');
    await dir.profile('U1');
    expect(calls('users.info')).toBe(1);
    expect(hits).toEqual([false, true]);
  });

  it('makes one call for 20 concurrent lookups of one user', async () => {
    const { dir, calls } = directory();
    const profiles = await Promise.all(Array.from({ length: 20 }, () => dir.profile('U1')));
    expect(calls('users.info')).toBe(1);
    expect(profiles.every((p) => p?.email === 'Alice@Example.com')).toBe(true);
  });

  it('forgets a profile after ten minutes', async () => {
    const time = clock();
    const { dir, calls } = directory({ now: time.now });
    await dir.profile('U1');
    time.advance(9 * 60_000);
    await dir.profile('U1');
    expect(calls('users.info')).toBe(1);
    time.advance(2 * 60_000);
    await dir.profile('U1');
    expect(calls('users.info')).toBe(2);
  });

  it('answers an unknown user with undefined, and asks again after a minute', async () => {
    const time = clock();
    const { dir, calls } = directory({ now: time.now });
    await expect(dir.profile('UNOBODY')).resolves.toBeUndefined();
    await expect(dir.profile('UNOBODY')).resolves.toBeUndefined();
    expect(calls('users.info')).toBe(1);
    time.advance(61_000);
    await dir.profile('UNOBODY');
    expect(calls('users.info')).toBe(2);
  });

  it('finds a user by e-mail in any letter case with one call', async () => {
    const { dir, calls } = directory();
    await expect(dir.userIdByEmail(' alice@example.COM ')).resolves.toBe('U1');
    await expect(dir.userIdByEmail('ALICE@example.com')).resolves.toBe('U1');
    expect(calls('users.lookupByEmail')).toBe(1);
  });

  it('answers an e-mail no one has with undefined', async () => {
    const { dir } = directory();
    await expect(dir.userIdByEmail('nobody@example.com')).resolves.toBeUndefined();
  });

  it('turns any other Slack error into slack_failed, and does not cache it', async () => {
    const { dir, calls } = directory();
    slack.failNext('users.info', { error: 'invalid_auth' });
    await expect(dir.profile('U1')).rejects.toMatchObject({
      code: 'slack_failed',
      details: { slackError: 'invalid_auth' },
    });
    await expect(dir.profile('U1')).resolves.toMatchObject({ id: 'U1' });
    expect(calls('users.info')).toBe(2);
  });

  it('reports how long Slack asked to wait when rate limited', async () => {
    const { dir } = directory();
    slack.failNext('users.lookupByEmail', { retryAfter: 7 });
    await expect(dir.userIdByEmail('alice@example.com')).rejects.toMatchObject({
      code: 'slack_failed',
      details: { retryAfter: 7 },
    });
  });
});
