import { randomBytes } from 'node:crypto';
import type { CaseView, SlackMessage } from '../blocks/case-message';
import { renderNotice, renderPicker } from '../blocks/notice';
import { toAppError, type AppError, type ErrorCode } from '../errors';
import type { Logger } from '../logger';
import { describeError } from '../messages/describe-error';
import type { Reply } from './reply';

/** Failures of the installation (key, permissions, bugs) are errors; what users cause is not. */
const LEVEL: Partial<Record<ErrorCode, 'info' | 'warn' | 'error'>> = {
  usage: 'info',
  bad_case_id: 'info',
  case_not_found: 'info',
  case_closed: 'info',
  user_not_mapped: 'info',
  foreign_workspace: 'warn',
  coralogix_unavailable: 'warn',
  coralogix_rejected: 'warn',
};

export function newRef(): string {
  return randomBytes(4).toString('hex').toUpperCase();
}

/** What a failure says to the user who acted; the picker stands in for a mention Slack did not escape. */
export function answerFor(err: AppError, ref: string) {
  if (err.code === 'usage' && err.details.hint === 'bare_mention' && err.details.caseId) {
    return renderPicker(err.details.caseId, err.message);
  }
  return describeError(err, ref);
}

/**
 * Every failure ends here: one log line with context and the ref, one private answer. If even that
 * answer cannot reach Slack, the log line says so; nothing more can be done for the user.
 */
export async function answerError(e: unknown, reply: Reply, logger: Logger, context: Record<string, unknown>) {
  const err = toAppError(e);
  const ref = newRef();
  const level = LEVEL[err.code] ?? 'error';
  // A refusal the user caused has no stack worth reading; failures keep theirs, or their cause's.
  const trace = err.cause !== undefined || level === 'error' ? { err: err.cause ?? err } : {};
  logger[level]({ ...context, code: err.code, ref, details: err.details, ...trace }, err.message);
  try {
    await reply.privately(answerFor(err, ref));
  } catch (sendError) {
    logger.error({ ...context, ref, err: sendError }, 'could not tell the user about a failure');
  }
  return { code: err.code, ref };
}

/**
 * Coralogix accepted the change but Slack refused the summary: the change must not go unreported,
 * so the one who acted hears what happened and the log keeps the details.
 */
export async function postOrReport(
  reply: Reply,
  message: SlackMessage,
  view: CaseView,
  logger: Logger,
  how: 'inChannel' | 'replace' = 'inChannel',
) {
  try {
    await reply[how](message);
    return true;
  } catch (e) {
    const ref = newRef();
    const caseId = view.case.readableId ?? view.case.id;
    logger.error({ caseId, ref, err: e }, 'case changed in Coralogix but the summary could not be posted');
    const notice = renderNotice({
      title: `${caseId} was ${view.lastAction?.verb ?? 'changed'}, but Slack refused the summary`,
      body: 'The change is made in Coralogix. The summary could not be posted in this channel; invite the app to the channel or open the case in Coralogix.',
      ref,
    });
    await reply
      .privately(notice)
      .catch((err: unknown) => logger.error({ caseId, ref, err }, 'could not tell the user either'));
    return false;
  }
}
