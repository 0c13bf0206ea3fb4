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

  const updated = await applyOrExplain(services, req.caseId, () => change.apply(req.caseId, to));
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

/** Coralogix refuses changes to a finished case with a bare 4xx; look at the case to say why. */
async function applyOrExplain(services: Services, caseId: string, apply: () => Promise<Case>): Promise<Case> {
  try {
    return await apply();
  } catch (e) {
    if (!isAppError(e) || e.code !== 'coralogix_rejected') throw e;
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
