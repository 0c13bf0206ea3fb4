import type { FakeCase } from '../fakes/coralogix-server';
import type { Fault } from '../fakes/slack-server';
import { blockKitViolations } from '../support/block-kit-limits';
import { startHarness, type Harness } from '../support/harness';
import { KNOWN_USERS, errorLinesAbout, foreignMarkup, isPrivate, webApiPostsAbout } from './observe';
import { record, writeRecords } from './record';
import { CLICK, COMMAND, RELIABILITY_ENV, WEBHOOK, type Surface, freshCase } from './surfaces';

/**
 * Where the answer ended up: the response_url, a Web API post (the fallback), a private notice
 * saying the change was made but Slack refused the summary, or, when Slack refuses even that, only
 * an error line in the log naming the case. For the webhook, the status Coralogix is answered with.
 */
type Delivery = 'response_url' | 'web_api' | 'private notice' | 'error log' | 200 | 502 | 503;

interface Cell {
  slack: string;
  surface: Surface;
  /** Sets the fault up; `channel` is this cell's own, so a channel made unknown touches no other cell. */
  setup(h: Harness, channel: string): void;
  expected: Delivery;
}

const gone: Fault = { status: 404, body: 'no_service' };
const method = (s: Surface) => (s === CLICK ? 'chat.update' : 'chat.postMessage');
const cell = (slack: string, surface: Surface, expected: Delivery, setup: Cell['setup']): Cell => ({
  slack,
  surface,
  setup,
  expected,
});

const SLACK_CELLS: Cell[] = [COMMAND, CLICK].flatMap((s) => [
  cell('response_url 404', s, 'web_api', (h) => h.slack.failNext('response_url', gone)),
  cell('response_url 429', s, 'web_api', (h) => h.slack.failNext('response_url', { retryAfter: 1 })),
  cell('response_url 500', s, 'web_api', (h) => h.slack.failNext('response_url', { status: 500 })),
  cell('response_url invalid_blocks', s, 'web_api', (h) =>
    h.slack.failNext('response_url', { error: 'invalid_blocks' }),
  ),
  cell(`${method(s)} 429 once, response_url 404`, s, 'web_api', (h) => {
    h.slack.failNext('response_url', gone);
    h.slack.failNext(method(s), { retryAfter: 1 });
  }),
  cell(`${method(s)} invalid_blocks, response_url 404`, s, 'private notice', (h) => {
    h.slack.failNext('response_url', gone, 2);
    h.slack.failNext(method(s), { error: 'invalid_blocks' });
  }),
  cell(`${method(s)} 500 once, response_url 404`, s, 'web_api', (h) => {
    h.slack.failNext('response_url', gone);
    h.slack.failNext(method(s), { status: 500 });
  }),
  cell(`${method(s)} 500 past the retries, response_url 404`, s, 'private notice', (h) => {
    h.slack.failNext('response_url', gone, 2);
    h.slack.failNext(method(s), { status: 500 }, 3);
  }),
  cell('not_in_channel', s, 'response_url', (h, channel) => h.slack.setNotInChannel(channel)),
  cell('not_in_channel, response_url 404', s, s === CLICK ? 'web_api' : 'error log', (h, channel) => {
    h.slack.setNotInChannel(channel);
    h.slack.failNext('response_url', gone, s === CLICK ? 1 : 2);
  }),
  cell('channel_not_found, response_url 404', s, 'error log', (h, channel) => {
    h.slack.setUnknownChannel(channel);
    h.slack.failNext('response_url', gone, 2);
  }),
]);

const WEBHOOK_CELLS: Cell[] = [
  cell('chat.postMessage 429 once', WEBHOOK, 200, (h) => h.slack.failNext('chat.postMessage', { retryAfter: 1 })),
  cell('chat.postMessage 429 past the retries', WEBHOOK, 503, (h) =>
    h.slack.failNext('chat.postMessage', { retryAfter: 1 }, 3),
  ),
  cell('chat.postMessage invalid_blocks', WEBHOOK, 502, (h) =>
    h.slack.failNext('chat.postMessage', { error: 'invalid_blocks' }),
  ),
  cell('chat.postMessage 500 once', WEBHOOK, 200, (h) => h.slack.failNext('chat.postMessage', { status: 500 })),
  cell('chat.postMessage 500 past the retries', WEBHOOK, 503, (h) =>
    h.slack.failNext('chat.postMessage', { status: 500 }, 3),
  ),
  cell('not_in_channel', WEBHOOK, 502, (h, channel) => h.slack.setNotInChannel(channel)),
  cell('channel_not_found', WEBHOOK, 502, (h, channel) => h.slack.setUnknownChannel(channel)),
];

let h: Harness;
let cells = 0;
beforeAll(async () => {
  h = await startHarness({ env: RELIABILITY_ENV });
});
afterAll(async () => {
  await h.close();
  writeRecords();
});

it.each([...SLACK_CELLS, ...WEBHOOK_CELLS].map((c) => [c.surface.name, c.slack, c]))(
  '%s with Slack failing (%s): answers where it can, loses no change, serves the next',
  async (_surface, _slack, { surface, setup, expected }) => {
    const channel = `C0CELL${String(++cells).padStart(3, '0')}`;
    const c = freshCase(h);
    setup(h, channel);

    const attempt = await surface.act(h, c, channel);
    const delivery = surface === WEBHOOK ? webhookDelivery(attempt.status) : slackDelivery(c, attempt.answers);
    expect(delivery).toBe(expected);
    // Nothing Coralogix took goes unreported: Slack shows it, or an error line names the case.
    if (surface.changed(c))
      expect(surface.shown(h, attempt, c) || errorLinesAbout(h, c.readableId!).length > 0).toBe(true);
    if (surface === WEBHOOK && expected !== 200) {
      // Coralogix delivers again; now that Slack works, the case is posted, once.
      const again = await surface.act(h, c);
      expect(again.status).toBe(200);
      expect(webApiPostsAbout(h, c.readableId!).filter((p) => p.method === 'chat.postMessage')).toHaveLength(1);
    }

    const next = freshCase(h);
    const followUp = await surface.act(h, next);
    if (surface === WEBHOOK) expect(followUp.body).toMatchObject({ ok: true, action: 'posted' });
    else expect(followUp.answers.map(isPrivate)).toEqual([false]);
    record('slack-faults', { surface: surface.name, slack: _slack, delivery, nextServed: true });
  },
);

/** Exactly one answer reached the user, wherever it went; none at all only when Slack refused every way. */
function slackDelivery(c: FakeCase, viaUrl: unknown[]): Delivery {
  const viaApi = webApiPostsAbout(h, c.readableId!).map((p) => p.args);
  const all = [...viaUrl, ...viaApi];
  for (const m of all) {
    expect(blockKitViolations(m as object)).toEqual([]);
    expect(foreignMarkup(m, KNOWN_USERS)).toEqual([]);
  }
  if (all.length === 0) {
    expect(errorLinesAbout(h, c.readableId!).length).toBeGreaterThan(0);
    return 'error log';
  }
  expect(all).toHaveLength(1);
  if (JSON.stringify(all[0]).includes('Slack refused the summary')) return 'private notice';
  return viaUrl.length === 1 ? 'response_url' : 'web_api';
}

function webhookDelivery(status: number): Delivery {
  expect([200, 502, 503]).toContain(status);
  return status as Delivery;
}
