import { ACTION } from '../../src/blocks/action-ids';
import type { FakeCase } from '../fakes/coralogix-server';
import type { WireJson } from '../fakes/slack-server';
import { PEOPLE, type Harness } from '../support/harness';
import { WEBHOOK_SECRET, postWebhook } from '../support/webhook-requests';
import { answersTo, escapeRegExp as escape, finished, webApiPostsAbout } from './observe';

/** The channel case notifications go to in these harnesses. */
export const CASES_CHANNEL = 'C0CASES01';
export const RELIABILITY_ENV = {
  WEBHOOK_SECRET,
  CASES_CHANNEL_ID: CASES_CHANNEL,
  // Short, so a timing-out Coralogix costs the suite a second, not twenty.
  CORALOGIX_TIMEOUT_MS: '300',
  LOG_LEVEL: 'info',
};

let cases = 0;
/**
 * A case of its own for each check, with a readable id no other case has: the fake numbers its cases
 * CASE-n, and the harness's CASE-123 would be met again after 122 of them.
 */
export function freshCase(h: Harness, overrides: Partial<FakeCase> = {}): FakeCase {
  return h.coralogix.addCase({ readableId: `REL-${++cases}`, ...overrides });
}

/** What one action through one surface produced, read once its work has ended. */
export interface Attempt {
  /** HTTP status the app answered the request with (Slack's ack, or the webhook's answer). */
  status: number;
  /** The webhook's JSON answer; for Slack surfaces, the ack body when it held an answer. */
  body?: WireJson;
  /** What reached Slack on the request's response_url. */
  answers: WireJson[];
  responseUrl?: string;
}

export interface Surface {
  name: 'command' | 'click' | 'webhook';
  /** The Coralogix call that carries the action: the one to fail. */
  route(c: FakeCase): RegExp;
  act(h: Harness, c: FakeCase, channel?: string): Promise<Attempt>;
  /** Whether the action's change is now in Coralogix. */
  changed(c: FakeCase): boolean;
  /** Whether what reached Slack shows the change to someone. */
  shown(h: Harness, a: Attempt, c: FakeCase): boolean;
}

const showsChange = (answers: WireJson[]) =>
  answers.some(
    (m) =>
      m?.response_type === 'in_channel' ||
      m?.replace_original === true ||
      JSON.stringify(m).includes('The change is made in Coralogix'),
  );
const mentions = (h: Harness, caseId: string) => webApiPostsAbout(h, caseId).length > 0;

export const COMMAND: Surface = {
  name: 'command',
  route: (c) => new RegExp(`^POST /cases/assigned/v1/${escape(c.readableId ?? c.id)}$`),
  async act(h, c, channel) {
    const caseId = c.readableId ?? c.id;
    const from = h.logs.length;
    const sent = await h.command(`${caseId} me`, channel ? { channel_id: channel } : {});
    const body = sent.text ? sent.json : undefined;
    if (!body) await finished(h, 'command', caseId, from);
    return { status: sent.status, body, answers: answersTo(h, sent.responseUrl), responseUrl: sent.responseUrl };
  },
  changed: (c) => c.assignee?.userId === PEOPLE.alice.cx,
  shown: (h, a, c) => showsChange(a.answers) || mentions(h, c.readableId ?? c.id),
};

export const CLICK: Surface = {
  name: 'click',
  route: (c) => new RegExp(`^PUT /cases/acknowledged/v1/${escape(c.id)}$`),
  async act(h, c, channel) {
    const action = { type: 'button', action_id: ACTION.acknowledge, block_id: 'case.actions', value: c.id };
    const ts = seedCaseMessage(h, channel);
    const from = h.logs.length;
    const sent = await h.click({
      actions: [action],
      message: { ts },
      ...(channel ? { channel: { id: channel } } : {}),
    });
    await finished(h, 'click', c.id, from);
    return { status: sent.status, answers: answersTo(h, sent.responseUrl), responseUrl: sent.responseUrl };
  },
  changed: (c) => c.status === 'CASE_STATUS_ACKNOWLEDGED',
  shown: (h, a, c) => showsChange(a.answers) || mentions(h, c.readableId ?? c.id),
};

export const WEBHOOK: Surface = {
  name: 'webhook',
  route: (c) => new RegExp(`^GET /cases/cases/v1/${escape(c.id)}$`),
  async act(h, c, channel) {
    const body = { caseId: c.id, event: 'Activated', eventId: `evt-${c.id}`, ...(channel ? { channel } : {}) };
    const res = await postWebhook(h.url, body);
    return { status: res.status, body: res.body, answers: [] };
  },
  // A notification changes nothing in Coralogix; it only reads.
  changed: () => false,
  shown: (h, _a, c) => mentions(h, c.readableId ?? c.id),
};

/**
 * A message for a click to be on, as if the bot had posted it before anything failed, so chat.update
 * has something to update. Its text names no case, so it never passes for the app's own report.
 */
let seeded = 0;
function seedCaseMessage(h: Harness, channel = 'C0001'): string {
  const ts = `1700000000.${String(++seeded).padStart(6, '0')}`;
  const history = h.slack.messages.get(channel) ?? [];
  history.push({ ts, text: 'a case summary, seeded by the test', blocks: [], edits: 0 });
  h.slack.messages.set(channel, history);
  return ts;
}
