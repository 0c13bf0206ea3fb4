import { AppError } from '../errors';

/** The Cases API accepts ids of at most 64 characters (its path parameter pattern). */
const MAX_LENGTH = 64;
/** Echoed back to the user and into logs, so a pasted novel stays a line. */
const ECHO_LENGTH = 80;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const READABLE = /^[A-Za-z]+-[0-9]+$/;

/**
 * Why a token is not a case id, for the usage answer:
 * - empty: nothing was given
 * - too_long: longer than the API accepts
 * - number_only: "123", probably meant "CASE-123"
 * - has_space: "CASE 123", probably meant "CASE-123" (found by the grammar, which splits on spaces)
 * - format: anything else that is neither a UUID nor a readable id
 */
export type BadCaseIdHint = 'empty' | 'too_long' | 'number_only' | 'has_space' | 'format';

/** Read by users (the usage answer shows it), so plain words and an example. */
const EXPLAIN: Record<BadCaseIdHint, (typed: string) => string> = {
  empty: () => 'Which case? Give its id, e.g. CASE-123.',
  too_long: () => `That is too long for a case id (at most ${MAX_LENGTH} characters).`,
  number_only: (typed) => `"${typed}" is not a case id: it starts with letters, e.g. CASE-${typed}.`,
  has_space: (typed) => `"${typed}" is not a case id: did you mean ${typed.replace(/\s+/, '-').toUpperCase()}?`,
  format: (typed) => `"${typed}" is not a case id: give the readable id (e.g. CASE-123) or the case UUID.`,
};

/**
 * Turns what a user typed into the id the API takes: a UUID in lower case, or a readable id such
 * as CASE-123 in upper case (the API refuses readable ids in any other case).
 */
export function normalizeCaseId(raw: string): string {
  const id = raw.trim();
  const hint = problemWith(id);
  if (hint) throw badCaseIdError(raw, hint);
  return UUID.test(id) ? id.toLowerCase() : id.toUpperCase();
}

export function badCaseIdError(typed: string, hint: BadCaseIdHint): AppError {
  const caseId = truncateForEcho(typed);
  return new AppError('bad_case_id', EXPLAIN[hint](caseId), { caseId, hint });
}

/** True when the token is a case id normalizeCaseId accepts. */
export function looksLikeCaseId(token: string): boolean {
  return problemWith(token.trim()) === undefined;
}

function problemWith(id: string): BadCaseIdHint | undefined {
  if (id === '') return 'empty';
  if (id.length > MAX_LENGTH) return 'too_long';
  if (UUID.test(id) || READABLE.test(id)) return undefined;
  return /^[0-9]+$/.test(id) ? 'number_only' : 'format';
}

/** The id as typed, cut to a readable length without splitting a character in two. */
export function truncateForEcho(raw: string): string {
  const trimmed = raw.trim();
  if (trimmed.length <= ECHO_LENGTH) return trimmed;
  return `${Array.from(trimmed)
    .slice(0, ECHO_LENGTH - 1)
    .join('')}…`;
}
