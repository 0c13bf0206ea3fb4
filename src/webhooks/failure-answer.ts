import { toAppError, type AppError } from '../errors';
import { SLACK_TRANSIENT } from './slack-poster';

export interface FailureAnswer {
  status: number;
  reason: string;
  /** Failures of the installation are errors to whoever runs it; a busy Coralogix or Slack is not. */
  level: 'info' | 'warn' | 'error';
  retryAfter?: number;
  code: string;
}

const INVITE = 'invite the bot to the channel (/invite @case-assign) or fix the channel id';

/** What Coralogix's Notification Center is told when handling a notification failed. */
export function failureAnswer(e: unknown): FailureAnswer {
  const err = toAppError(e);
  const base = { code: err.code, ...(err.details.retryAfter ? { retryAfter: err.details.retryAfter } : {}) };
  switch (err.code) {
    case 'bad_case_id':
      return { ...base, status: 400, reason: `bad case id: ${err.message}`, level: 'info' };
    case 'case_not_found':
      return { ...base, status: 404, reason: 'no such case', level: 'info' };
    case 'coralogix_unavailable':
      return { ...base, status: 503, reason: 'Coralogix did not answer in time; try again later', level: 'warn' };
    case 'coralogix_unauthorized':
      return { ...base, status: 502, reason: 'Coralogix rejected the API key (CORALOGIX_API_KEY)', level: 'error' };
    case 'coralogix_forbidden':
      return {
        ...base,
        status: 502,
        reason: `the Coralogix API key lacks the ${err.details.permission ?? 'needed'} permission`,
        level: 'error',
      };
    case 'coralogix_rejected':
    case 'coralogix_bad_response':
      return { ...base, status: 502, reason: 'Coralogix answered unexpectedly when reading the case', level: 'error' };
    case 'slack_failed':
      return slackFailure(err, base);
    default:
      return { ...base, status: 500, reason: 'internal error', level: 'error' };
  }
}

function slackFailure(err: AppError, base: Pick<FailureAnswer, 'code' | 'retryAfter'>): FailureAnswer {
  const slackError = err.details.slackError ?? 'unknown';
  if (slackError === 'not_in_channel' || slackError === 'channel_not_found') {
    return { ...base, status: 502, reason: `Slack: ${slackError}: ${INVITE}`, level: 'error' };
  }
  if (SLACK_TRANSIENT.has(slackError)) {
    return { ...base, status: 503, reason: `Slack: ${slackError}; try again later`, level: 'warn' };
  }
  return { ...base, status: 502, reason: `Slack refused the message: ${slackError}`, level: 'error' };
}
