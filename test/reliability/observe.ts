import type { WebApiCall, WireJson } from '../fakes/slack-server';
import { PEOPLE, type Harness } from '../support/harness';

/**
 * What the reliability suite reads off a harness: the answers Slack received, the markup in them,
 * and the log line that closes a piece of work. Shared by every file under test/reliability.
 */

export const idOf = (responseUrl: string): string => responseUrl.split('/').pop() ?? '';

/** Bodies the fake Slack accepted on this response_url, in order. */
export function answersTo(h: Harness, responseUrl: string): WireJson[] {
  const id = idOf(responseUrl);
  return h.slack.responses.filter((r) => r.id === id).map((r) => r.body);
}

export const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Web API posts Slack accepted that name the case (CASE-5, not CASE-50). */
export function webApiPostsAbout(h: Harness, caseId: string): WebApiCall[] {
  const named = new RegExp(`${escapeRegExp(caseId)}(?![0-9])`);
  const posts = ['chat.postMessage', 'chat.update', 'chat.postEphemeral'];
  return h.slack.calls.filter((c) => posts.includes(c.method) && !c.error && named.test(JSON.stringify(c.args)));
}

/** Posts to this response_url that the fake refused (fault or invalid content). */
export function refusedAt(h: Harness, responseUrl: string): number {
  const id = idOf(responseUrl);
  return h.slack.rejectedResponses.filter((r) => r.id === id).length;
}

export type LogLine = Record<string, unknown>;

const FINAL = {
  command: ['command handled', 'command failed'],
  click: ['click handled', 'click failed'],
} as const;

/**
 * Waits for the log line that ends a command or click about `caseId`, written after line `from`
 * (take `h.logs.length` before acting); after that line the app sends nothing more for it.
 */
export function finished(
  h: Harness,
  kind: 'command' | 'click',
  caseId: string,
  from: number,
  timeoutMs = 15_000,
): Promise<LogLine> {
  const done = (l: LogLine) => l.caseId === caseId && (FINAL[kind] as readonly unknown[]).includes(l.msg);
  return h.slack.waitFor(() => h.logs.slice(from).find(done), timeoutMs);
}

/** Every string a reader can see: the fallback text and each text object, recursively. */
export function visibleTexts(message: unknown): string[] {
  const out: string[] = [];
  const walk = (v: unknown, key?: string): void => {
    if (typeof v === 'string') {
      if (key === 'text') out.push(v);
      return;
    }
    if (Array.isArray(v)) return v.forEach((item) => walk(item));
    if (typeof v === 'object' && v !== null) for (const [k, item] of Object.entries(v)) walk(item, k);
  };
  walk(message);
  return out;
}

/** Markup the app itself may write: date tokens, and links to Coralogix's own web app. */
const OWN_MARKUP = [/^<!date\^\d+\^[^|<>]*\|[^<>]*>$/, /^<https:\/\/[a-z0-9.-]+\.coralogix\.com\/[^|<>]*\|[^<>]*>$/];

/**
 * The control sequences (`<…>`) in a message that the app did not put there: any mention of a user
 * outside `allowedUsers`, any broadcast, channel or link not to Coralogix. Also reports a bare `<`
 * or `>` and an `&` that starts no entity: input that escaped the escaping.
 */
export function foreignMarkup(message: unknown, allowedUsers: readonly string[]): string[] {
  const found: string[] = [];
  for (const text of visibleTexts(message)) {
    const rest = text.replace(/<[^<>]*>/g, (token) => {
      const user = /^<@([^|>]+)>$/.exec(token)?.[1];
      const allowed = user ? allowedUsers.includes(user) : OWN_MARKUP.some((re) => re.test(token));
      if (!allowed) found.push(token);
      return '';
    });
    if (/[<>]/.test(rest)) found.push(`stray bracket in ${JSON.stringify(rest.slice(0, 120))}`);
    if (/&(?!amp;|lt;|gt;)/.test(rest)) found.push(`raw & in ${JSON.stringify(rest.slice(0, 120))}`);
  }
  return found;
}

/** Slack users of the fake workspace: mentioning them is the app's doing, not the input's. */
export const KNOWN_USERS: readonly string[] = [
  PEOPLE.alice.slack,
  PEOPLE.bob.slack,
  PEOPLE.carol.slack,
  PEOPLE.dave.slack,
];

export const isPrivate = (m: WireJson): boolean => m?.response_type === 'ephemeral' && m?.replace_original !== true;

/** The reference a "something went wrong" answer gives, if any. */
export const refIn = (m: unknown): string | undefined => /Reference: ([0-9A-F]+)/.exec(JSON.stringify(m))?.[1];

/** Error-level log lines (pino level 50) that name the case, so an operator can find the change. */
export const errorLinesAbout = (h: Harness, caseId: string): LogLine[] =>
  h.logs.filter((l) => Number(l.level) >= 50 && JSON.stringify(l).includes(caseId));
