import { PEOPLE, startHarness, type Harness } from '../support/harness';
import { WEBHOOK_SECRET, postWebhook } from '../support/webhook-requests';

/** Far longer than the app's Slack timeout in these tests, so an answer only comes if the app gives up. */
const HANG_MS = 15_000;

let h: Harness;
beforeEach(async () => {
  h = await startHarness({ slackTimeoutMs: 300, env: { WEBHOOK_SECRET, CASES_CHANNEL_ID: 'C0CASES01' } });
});
afterEach(async () => {
  await h.close();
});

const postsAbout = (text: string) =>
  h.slack.calls.filter((c) => c.method === 'chat.postMessage' && JSON.stringify(c.args).includes(text));

describe('a Slack that never answers', () => {
  it('gives up on a hanging response_url and posts the summary through the Web API', async () => {
    h.slack.failNext('response_url', { delayMs: HANG_MS });
    await h.command(`CASE-123 <@${PEOPLE.bob.slack}>`);

    const [post] = await h.slack.waitFor(
      () => postsAbout('Checkout latency above SLO').length > 0 && postsAbout('Checkout latency above SLO'),
    );
    expect(post?.args.channel).toBe('C0001');
    expect(h.logs).toContainEqual(
      expect.objectContaining({ level: 40, msg: 'post through response_url failed; trying the Web API' }),
    );
    expect(h.coralogix.cases.get(h.case123.id)?.assignee).toEqual({ userId: PEOPLE.bob.cx });
  });

  it('gives up on a hanging chat.postMessage and tells Coralogix to deliver again', async () => {
    h.slack.failNext('chat.postMessage', { delayMs: HANG_MS }, 3);
    const answer = await postWebhook(h.url, { caseId: h.case123.id });

    expect(answer.status).toBe(503);
    expect(answer.body.error).toContain('try again later');
  });
});
