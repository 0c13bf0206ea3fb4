/**
 * Every failure the app can meet, as one class with a stable `code`. Callers branch on the code;
 * `describeError` (src/messages/describe-error.ts) is the one place that turns it into what a user reads.
 */
export type ErrorCode =
  | 'usage' // the command text does not follow the grammar
  | 'bad_case_id' // not a UUID nor a readable id such as CASE-123
  | 'case_not_found'
  | 'case_closed' // resolved or closed: cannot be reassigned
  | 'user_not_mapped' // a Slack user with no Coralogix user
  | 'foreign_workspace' // the actor belongs to another workspace (shared channel)
  | 'coralogix_unauthorized' // 401: the key is wrong or expired
  | 'coralogix_forbidden' // 403: the key lacks a permission
  | 'coralogix_rejected' // another 4xx
  | 'coralogix_unavailable' // 429, 5xx, timeout, network: transient, nothing changed
  | 'coralogix_bad_response' // 2xx of an unexpected shape
  | 'slack_failed' // a Slack Web API call failed
  | 'internal';

export interface ErrorDetails {
  /** Coralogix HTTP status, when the error came from Coralogix. */
  status?: number;
  /** Seconds Coralogix or Slack asked us to wait. */
  retryAfter?: number;
  /** The Coralogix endpoint, e.g. "POST /cases/assigned/v1/{id}". */
  endpoint?: string;
  /** The Coralogix permission the call needs, e.g. "case:Assign". */
  permission?: string;
  /** The case id as the user gave it or as it was normalised. */
  caseId?: string;
  /** For user_not_mapped: the Slack user, and why no Coralogix user matched. */
  slackUserId?: string;
  role?: 'actor' | 'target';
  reason?: 'no_email' | 'no_team_member' | 'inactive' | 'not_found';
  email?: string;
  /** For usage errors: what in the text was wrong. */
  hint?: string;
  /** The case status, for case_closed. */
  caseStatus?: string;
  /** Slack error string, for slack_failed. */
  slackError?: string;
}

export class AppError extends Error {
  override readonly name = 'AppError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetails = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  /** Transient failures are worth retrying; nothing was changed by them. */
  get transient(): boolean {
    return this.code === 'coralogix_unavailable';
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/** Wraps anything thrown into an AppError, keeping the original as the cause. */
export function toAppError(e: unknown): AppError {
  if (e instanceof AppError) return e;
  return new AppError('internal', e instanceof Error ? e.message : String(e), {}, { cause: e });
}
