import type { types } from '@slack/bolt';
import type { Case } from '../coralogix/schemas';
import type { Person } from '../users/person';
import { caseActions } from './case-actions';
import { caseDetails } from './case-details';
import { caseName, casePriorityWords, categoryWords, statusWords } from './case-words';
import { escapeAndTruncate, escapeMrkdwn, mention, slackDate } from './mrkdwn';
import { personText } from './person-text';

export interface CaseAction {
  verb: 'assigned' | 'unassigned' | 'acknowledged';
  actorSlackId: string;
  target?: Person;
  at: Date;
}

export interface CaseView {
  case: Case;
  /** Who case.assignee is; undefined means unassigned. */
  assignee?: Person;
  /** Coralogix deep link to the case (https). */
  link?: string;
  lastAction?: CaseAction;
  /** A plain line from the app, e.g. "Refreshed: the case was resolved meanwhile". */
  note?: string;
}

export interface SlackMessage {
  text: string;
  blocks: types.KnownBlock[];
}

const HEADER_MAX = 150;
const FIELD_PART_MAX = 200;

/** The case as a message: summary, details, what happened last, and what a reader can do now. */
export function renderCase(view: CaseView): SlackMessage {
  const c = view.case;
  const suffix = blockIdSuffix(view);
  const blocks: types.KnownBlock[] = [
    { type: 'header', block_id: `case.title${suffix}`, text: { type: 'plain_text', text: headerText(c) } },
    { type: 'section', block_id: `case.summary${suffix}`, fields: summaryFields(view) },
    ...caseDetails(c, view.link, suffix),
  ];
  const footer = [
    lastActionLine(view.lastAction),
    view.note?.trim() ? escapeAndTruncate(view.note.trim(), 500) : undefined,
  ];
  footer.forEach((text, i) => {
    if (text)
      blocks.push({ type: 'context', block_id: `case.footer${i}${suffix}`, elements: [{ type: 'mrkdwn', text }] });
  });
  blocks.push(caseActions(c, view.assignee !== undefined || Boolean(c.assignee?.userId), view.link, suffix));
  return { text: fallbackText(view), blocks };
}

function headerText(c: Case): string {
  // plain_text would not ping anyone, but entities are decoded there too, so it is escaped alike.
  return escapeAndTruncate(c.title.trim() || `Case ${caseName(c)}`, HEADER_MAX);
}

function summaryFields(view: CaseView): types.MrkdwnElement[] {
  const c = view.case;
  const field = (label: string, value: string | undefined) =>
    value ? [{ type: 'mrkdwn' as const, text: `*${label}*\n${value}` }] : [];
  const category = categoryWords(c.category);
  return [
    ...field('Case', escapeAndTruncate(caseName(c), FIELD_PART_MAX)),
    ...field('Status', escapeAndTruncate(statusWords(c.status), FIELD_PART_MAX)),
    ...field('Priority', escapeAndTruncate(casePriorityWords(c), FIELD_PART_MAX)),
    ...field('Category', category === 'Unknown' ? undefined : escapeAndTruncate(category, FIELD_PART_MAX)),
    ...field('Assignee', personText(assigneeOf(view))),
    ...field('Created', slackDate(c.createTime)),
    ...field('Acknowledged', slackDate(c.acknowledgeTime)),
  ];
}

/** A case assigned to someone the app could not look up still shows as assigned. */
function assigneeOf(view: CaseView): Person | undefined {
  const userId = view.case.assignee?.userId;
  return view.assignee ?? (userId ? { kind: 'coralogix', coralogixUserId: userId } : undefined);
}

function lastActionLine(action: CaseAction | undefined): string | undefined {
  if (!action) return undefined;
  const by = mention(action.actorSlackId);
  const what =
    action.verb === 'assigned'
      ? `Assigned to ${personText(action.target)} by ${by}`
      : `${action.verb === 'unassigned' ? 'Unassigned' : 'Acknowledged'} by ${by}`;
  const when = Number.isNaN(action.at.getTime()) ? undefined : slackDate(action.at.toISOString());
  return when ? `${what} · ${when}` : what;
}

/** One line for notifications and clients without blocks: "CASE-123 · P2 · Active · Unassigned — title". */
function fallbackText(view: CaseView): string {
  const c = view.case;
  const assignee = assigneeOf(view);
  const who = assignee ? `Assigned to ${personText(assignee, 120)}` : 'Unassigned';
  const parts = [caseName(c), casePriorityWords(c), statusWords(c.status)].map((p) => escapeMrkdwn(p));
  const title = c.title.trim() ? ` — ${escapeAndTruncate(c.title.trim(), 200)}` : '';
  return `${[...parts, who].join(' · ')}${title}`;
}

/**
 * Slack keeps a select's choice per block_id; a new id after each change clears the "Reassign to…"
 * picker. The suffix changes with the case's update time and the last action.
 */
function blockIdSuffix(view: CaseView): string {
  const times = [Date.parse(view.case.updateTime ?? ''), view.lastAction?.at.getTime() ?? NaN];
  const known = times.filter((t) => Number.isFinite(t)).map((t) => Math.abs(t).toString(36));
  return known.length > 0 ? `.${known.join('.')}` : '';
}
