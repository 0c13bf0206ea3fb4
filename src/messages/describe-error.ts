import type { SlackMessage } from '../blocks/case-message';
import { statusWords } from '../blocks/case-words';
import { escapeAndTruncate, escapeMrkdwn, mention, truncate } from '../blocks/mrkdwn';
import { renderNotice, renderUsage } from '../blocks/notice';
import type { AppError, ErrorDetails } from '../errors';

const NOTHING_CHANGED = 'Nothing was changed.';

/**
 * The one place an AppError becomes what a user reads: what happened and what to do next. Only
 * texts written for users (the grammar's problems, Coralogix's own refusal) are shown, escaped and
 * cut; never a stack or an internal message. Titles are raw text (renderNotice escapes them);
 * bodies are mrkdwn, so what goes into a body is escaped here.
 */
export function describeError(err: AppError, ref: string): SlackMessage {
  const d = err.details;
  const caseRef = d.caseId ? truncate(d.caseId, 64) : 'The case';
  const somethingWrong = `Something went wrong (ref ${truncate(ref, 64)})`;
  switch (err.code) {
    case 'usage':
    case 'bad_case_id':
      return renderUsage(userProblem(err.message));
    case 'case_not_found':
      return renderNotice({
        title: d.caseId ? `No case ${caseRef} in Coralogix` : 'No such case in Coralogix',
        body: 'Check the id: it is the readable id (CASE-123) or the UUID shown on the case in Coralogix.',
      });
    case 'case_closed': {
      const closed = closedWord(d.caseStatus);
      return renderNotice({
        title: `${caseRef} is ${closed}`,
        body: `A case that is ${escapeMrkdwn(closed)} cannot be reassigned. ${NOTHING_CHANGED}`,
      });
    }
    case 'user_not_mapped':
      return notMapped(d);
    case 'foreign_workspace':
      return renderNotice({
        title: 'Refused',
        body: `Only members of the workspace this app is installed in can change cases. ${NOTHING_CHANGED}`,
      });
    case 'coralogix_unauthorized':
      return renderNotice({
        title: 'Coralogix rejected the API key',
        body: `${NOTHING_CHANGED} The key is wrong, expired, or for another region.`,
        hint: 'Ask an admin of this app to check CORALOGIX_API_KEY and CORALOGIX_REGION.',
        ref,
      });
    case 'coralogix_forbidden':
      return renderNotice({
        title: 'The Coralogix API key lacks a permission',
        body: `${NOTHING_CHANGED} The key lacks the *${escapeAndTruncate(d.permission ?? 'needed', 60)}* permission.`,
        hint: 'Ask an admin to add it to the key, or to give the app a key that has it.',
        ref,
      });
    case 'coralogix_unavailable':
      return renderNotice({
        title: 'Coralogix did not answer in time',
        body: `Coralogix was slow, down or rate limiting. ${NOTHING_CHANGED}`,
        hint: d.retryAfter ? `Try again in ${Math.ceil(d.retryAfter)} seconds.` : 'Try again in a minute.',
      });
    case 'coralogix_rejected':
      return renderNotice({
        title: somethingWrong,
        body: `Coralogix refused the change: ${escapeAndTruncate(remoteSaid(err.message), 300)}`,
        hint: 'If it happens again, give an admin this reference.',
        ref,
      });
    default:
      return renderNotice({
        title: somethingWrong,
        body: 'The change may not have been made; check the case before trying again.',
        hint: 'If it happens again, give an admin this reference.',
        ref,
      });
  }
}

/** The grammar writes its problems for users; the usage text that follows is shown anyway. */
function userProblem(message: string): string {
  return message.split(' Usage: ')[0] ?? message;
}

/** What Coralogix said, without our prefix "Coralogix POST … failed (400): ". */
function remoteSaid(message: string): string {
  const said = /failed \([^)]*\): ([\s\S]*)$/.exec(message)?.[1]?.trim();
  return said || 'no reason given';
}

/** In the case card's words; a case refused as closed without a known status is either. */
function closedWord(status: string | undefined): string {
  return status ? statusWords(status).toLowerCase() : 'resolved or closed';
}

const WHY: Record<NonNullable<ErrorDetails['reason']>, (email: string, whose: string) => string> = {
  no_email: (_email, whose) =>
    `no e-mail is visible on ${whose} Slack profile (the app needs the users:read.email scope, or the profile hides it)`,
  no_team_member: (email) => `no active Coralogix team member has the e-mail ${email}`,
  inactive: (email) => `the Coralogix user ${email} is deactivated`,
  not_found: () => 'Slack does not know this user',
};

/**
 * The person the user named. A user Slack does not know is shown by the bare id, not mentioned:
 * such a mention would come from the typed text alone, not from anyone the app found.
 */
function targetName(d: ErrorDetails): string {
  if (!d.slackUserId) return 'that person';
  if (d.reason === 'not_found') return `The Slack user ${escapeAndTruncate(d.slackUserId, 64)}`;
  return mention(d.slackUserId);
}

function notMapped(d: ErrorDetails): SlackMessage {
  const actor = d.role === 'actor';
  const who = actor ? 'you' : targetName(d);
  const email = d.email ? escapeAndTruncate(d.email, 200) : actor ? 'your e-mail' : 'their e-mail';
  const why = d.reason ? WHY[d.reason](email, actor ? 'your' : 'their') : 'no Coralogix user matches';
  const invite = `invite ${d.email ? email : actor ? 'you' : 'them'} to the Coralogix team`;
  return renderNotice({
    title: actor ? 'You have no Coralogix user' : 'No Coralogix user for that person',
    body: `${actor ? 'Your Slack account matches no Coralogix user' : `${who} has no Coralogix user`}: ${why}. ${NOTHING_CHANGED}`,
    hint: `Ask an admin to add ${actor ? 'you' : 'them'} to \`USER_MAP_FILE\`, or ${invite}.`,
  });
}
