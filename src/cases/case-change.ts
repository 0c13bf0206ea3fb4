import type { CaseAction, CaseView } from '../blocks/case-message';
import type { Case } from '../coralogix/schemas';
import { isFinal } from '../coralogix/schemas';
import { AppError, isAppError } from '../errors';
import type { Services } from '../services';
import type { CoralogixUser, Person } from '../users/person';
import { noteText, writeTimelineNote, type NoteVerb } from './timeline-note';

export interface ChangeRequest {
  caseId: string;
  actorSlackId: string;
  /** Slack user the case goes to, for an assignment. */
  targetSlackId?: string;
  channelName?: string;
}

interface Change {
  verb: NoteVerb;
  apply: (caseId: string, target: CoralogixUser | undefined) => Promise<Case>;
  /** Whether the case as read shows the change made: settles a write whose answer was lost. */
  madeIn: (c: Case, target: CoralogixUser | undefined) => boolean;
}

/**
 * The one path every change takes, from the command and the buttons alike: check who acts, change
 * the case in Coralogix, then note it on the timeline and gather what the summary shows.
 */
export async function changeCase(services: Services, req: ChangeRequest, change: Change): Promise<CaseView> {
  const { users, coralogix } = services;
  const [actor, target] = await Promise.all([
    users.toCoralogix(req.actorSlackId, 'actor'),
    req.targetSlackId === undefined
      ? undefined
      : req.targetSlackId === req.actorSlackId
        ? undefined // resolved with the actor below: one lookup, not two
        : users.toCoralogix(req.targetSlackId, 'target'),
  ]);
  const to = req.targetSlackId === req.actorSlackId ? actor : target;

  const updated = await applyOrExplain(services, req.caseId, change, to);
  const note = noteText(change.verb, actor, to, req.channelName);
  const [link, assignee] = await Promise.all([
    coralogix.deepLink(updated.id),
    assigneeOf(services, updated, to && req.targetSlackId ? { id: to.id, slackUserId: req.targetSlackId } : undefined),
    writeTimelineNote(services, updated.id, note),
  ]);
  services.logger.info(
    { caseId: updated.readableId ?? updated.id, verb: change.verb, actor: req.actorSlackId, target: req.targetSlackId },
    note,
  );
  const lastAction: CaseAction = {
    verb: change.verb,
    actorSlackId: req.actorSlackId,
    target: req.targetSlackId ? { kind: 'slack', slackUserId: req.targetSlackId } : undefined,
    at: services.now(),
  };
  return { case: updated, assignee, link, lastAction };
}

/**
 * Coralogix refuses changes to a finished case with a bare 4xx; look at the case to say why. A write
 * that failed as "unavailable" may have been made all the same: any of its attempts may have timed
 * out or lost its connection after Coralogix acted, even when the last one was a plain 429 or 503.
 * So the case is read before anyone is told that nothing changed.
 */
async function applyOrExplain(
  services: Services,
  caseId: string,
  change: Change,
  target: CoralogixUser | undefined,
): Promise<Case> {
  try {
    return await change.apply(caseId, target);
  } catch (e) {
    if (!isAppError(e)) throw e;
    if (e.code === 'coralogix_unavailable') return settleLostAnswer(services, caseId, change, target, e);
    if (e.code !== 'coralogix_rejected') throw e;
    const current = await services.coralogix.getCase(caseId).catch(() => undefined);
    if (current && isFinal(current)) {
      throw new AppError(
        'case_closed',
        `case ${caseId} is ${current.status}`,
        { caseId: current.readableId ?? caseId, caseStatus: current.status },
        { cause: e },
      );
    }
    throw e;
  }
}

async function settleLostAnswer(
  services: Services,
  caseId: string,
  change: Change,
  target: CoralogixUser | undefined,
  lost: AppError,
): Promise<Case> {
  let current: Case;
  try {
    current = await services.coralogix.getCase(caseId);
  } catch (e) {
    // Neither the write's answer nor the case could be read: "nothing changed" would be a guess.
    throw new AppError(
      'internal',
      `could not tell whether Coralogix ${change.verb} case ${caseId}: ${lost.message}`,
      { caseId },
      { cause: e },
    );
  }
  if (!change.madeIn(current, target)) throw lost;
  services.logger.warn({ caseId, verb: change.verb, err: lost }, 'Coralogix made the change; its answer was lost');
  return current;
}

/** Who the case is assigned to, as Slack should show it; known without a lookup after our own assignment. */
export async function assigneeOf(
  services: Services,
  c: Case,
  known?: { id: string; slackUserId: string },
): Promise<Person | undefined> {
  const id = c.assignee?.userId;
  if (!id) return undefined;
  if (known && known.id === id) return { kind: 'slack', slackUserId: known.slackUserId };
  return services.users.toSlack(id);
}
