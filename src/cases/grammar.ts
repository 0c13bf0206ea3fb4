import { AppError } from '../errors';
import { badCaseIdError, looksLikeCaseId, normalizeCaseId, truncateForEcho } from './case-id';

export type Target = { kind: 'me' } | { kind: 'user'; slackUserId: string };
export type Command = { kind: 'help' } | { kind: 'assign'; caseId: string; target: Target };

/** What in the text was wrong; the usage answer explains each. */
export type UsageHint =
  | 'missing_case'
  | 'extra_words'
  | 'two_cases'
  | 'bare_mention'
  | 'group_mention'
  | 'channel_mention'
  | 'link'
  | 'not_a_user';

type Token =
  | { kind: 'case'; text: string; caseId: string }
  | { kind: 'me' | 'word'; text: string }
  | { kind: 'user'; text: string; slackUserId: string }
  | { kind: Exclude<UsageHint, 'missing_case' | 'extra_words' | 'two_cases'>; text: string };

export const USAGE_EXAMPLE = '/case-assign CASE-123 @someone';

/**
 * A control sequence `<…>` is one token even when its label holds spaces; elsewhere any space,
 * tab, newline, non-breaking or zero-width space or control character separates tokens. A `<`
 * that no `>` closes is an ordinary character, so typed text never turns into a mention.
 */
const TOKEN = /<[^<>]*>|(?:[^\s\p{Cc}\u200B-\u200D\u2060<]|<(?![^<>]*>))+/gu;
/** Mentions arrive as `<@ID>` or `<@ID|name>` because the manifest sets should_escape. */
const USER_MENTION = /^<@([^|>]*)(?:\|[^>]*)?>$/;
const GROUP_MENTION = /^<!(?:subteam\^|here\b|channel\b|everyone\b)/;
const PLAIN_BROADCAST = /^@(?:here|channel|everyone)$/i;

/** Parses the text after `/case-assign`. Returns a command or throws a `usage` / `bad_case_id` AppError. */
export function parseCommand(text: string): Command {
  const tokens = (text.match(TOKEN) ?? []).map(classify);
  const [first, second, ...rest] = tokens;
  if (!first || (first.kind === 'word' && first.text.toLowerCase() === 'help')) return { kind: 'help' };
  if (first.kind !== 'case') return failWithoutCase(first, second, tokens);

  const caseId = first.caseId;
  const target = second ? toTarget(second, caseId) : { kind: 'me' as const };
  if (rest.some((t) => t.kind === 'case')) throw usage({ hint: 'two_cases', problem: ONE_CASE }, caseId);
  if (rest.length > 0) throw usage({ hint: 'extra_words', problem: 'Give a case and at most one person.' }, caseId);
  return { kind: 'assign', caseId, target };
}

function classify(text: string): Token {
  if (text.startsWith('<') && text.endsWith('>')) return classifyControl(text);
  if (looksLikeCaseId(text)) return { kind: 'case', text, caseId: normalizeCaseId(text) };
  if (text.toLowerCase() === 'me') return { kind: 'me', text };
  if (PLAIN_BROADCAST.test(text)) return { kind: 'group_mention', text };
  // With escaping on, Slack would have sent `<@ID>`; a plain @name is a display name we must not guess from.
  if (text.startsWith('@')) return { kind: 'bare_mention', text };
  return { kind: 'word', text };
}

function classifyControl(text: string): Token {
  const user = USER_MENTION.exec(text);
  if (user) {
    // Slack ids are opaque: any non-empty id is taken as given; Slack itself says whether it exists.
    const slackUserId = (user[1] ?? '').trim();
    return slackUserId ? { kind: 'user', text, slackUserId } : { kind: 'not_a_user', text };
  }
  if (text.startsWith('<#')) return { kind: 'channel_mention', text };
  if (GROUP_MENTION.test(text)) return { kind: 'group_mention', text };
  if (text.startsWith('<!')) return { kind: 'not_a_user', text };
  return { kind: 'link', text };
}

interface Problem {
  hint: UsageHint;
  problem: string;
}

const ONE_CASE = 'One case at a time.';
const ORDER = 'The case comes first, then the person.';

function toTarget(token: Token, caseId: string): Target {
  if (token.kind === 'me') return { kind: 'me' };
  if (token.kind === 'user') return { kind: 'user', slackUserId: token.slackUserId };
  throw usage(whyNotAPerson(token), caseId);
}

function whyNotAPerson(token: Token): Problem {
  const typed = truncateForEcho(token.text);
  switch (token.kind) {
    case 'case':
      return { hint: 'two_cases', problem: ONE_CASE };
    case 'bare_mention':
      return {
        hint: 'bare_mention',
        problem: `"${typed}" arrived as plain text, not as a mention, so it names nobody for sure.`,
      };
    case 'group_mention':
      return { hint: 'group_mention', problem: 'A case goes to one person, not to a group.' };
    case 'channel_mention':
      return { hint: 'channel_mention', problem: 'That is a channel; mention a person.' };
    case 'link':
      return { hint: 'link', problem: 'That is a link; mention a person.' };
    default:
      return { hint: 'not_a_user', problem: `"${typed}" is not a person; mention one, or say me.` };
  }
}

/** The text does not start with a case id: say why, and point at the right order when that is all. */
function failWithoutCase(first: Token, second: Token | undefined, tokens: Token[]): never {
  const found = tokens.find((t) => t.kind === 'case');
  const caseId = found?.kind === 'case' ? found.caseId : undefined;
  if (first.kind === 'group_mention' || first.kind === 'channel_mention' || first.kind === 'link') {
    throw usage(whyNotAPerson(first), caseId);
  }
  if (first.kind !== 'word') throw usage({ hint: 'missing_case', problem: ORDER }, caseId);
  // "CASE 123" splits into two words; say what was probably meant rather than calling "CASE" the id.
  const joined = second?.kind === 'word' ? `${first.text}-${second.text}` : '';
  if (looksLikeCaseId(joined)) throw badCaseIdError(`${first.text} ${second?.text ?? ''}`, 'has_space');
  normalizeCaseId(first.text); // a word is never a case id, so this throws the precise bad_case_id
  throw usage({ hint: 'missing_case', problem: ORDER }, caseId);
}

function usage({ hint, problem }: Problem, caseId?: string): AppError {
  const details = caseId === undefined ? { hint } : { hint, caseId };
  return new AppError('usage', `${problem} Usage: ${USAGE_EXAMPLE} (or "me", or nothing for yourself)`, details);
}
