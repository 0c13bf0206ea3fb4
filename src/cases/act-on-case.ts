import type { CaseView } from '../blocks/case-message';
import { isFinal, type Case } from '../coralogix/schemas';
import type { Services } from '../services';
import { acknowledgeCase } from './acknowledge-case';
import { assignCase } from './assign-case';
import { assigneeOf, type ChangeRequest } from './case-change';
import { unassignCase } from './unassign-case';

export type CaseOp = { op: 'assign'; targetSlackId: string } | { op: 'unassign' } | { op: 'acknowledge' };

export type ActOutcome =
  | { kind: 'changed'; view: CaseView }
  /** Coralogix shows the case moved on since the message was posted: refresh it and say what changed. */
  | { kind: 'stale'; view: CaseView; reason: string };

const STATUS_WORDS: Record<string, string> = {
  CASE_STATUS_RESOLVED: 'resolved',
  CASE_STATUS_CLOSED: 'closed',
};

/** Why `op` no longer makes sense on the case as Coralogix has it now, if it does not. */
function staleReason(c: Case, op: CaseOp): string | undefined {
  const id = c.readableId ?? c.id;
  if (isFinal(c)) return `${id} was ${STATUS_WORDS[c.status] ?? 'finished'} meanwhile; it can no longer be changed.`;
  if (op.op === 'acknowledge' && (c.status === 'CASE_STATUS_ACKNOWLEDGED' || c.acknowledgeTime)) {
    return `${id} was already acknowledged.`;
  }
  if (op.op === 'unassign' && !c.assignee?.userId) return `${id} was already unassigned.`;
  return undefined;
}

/**
 * A click on a case message. Messages can be hours old, so the case is read first: a click on a
 * stale message refreshes it instead of acting on a state that no longer exists.
 */
export async function actOnCase(services: Services, req: ChangeRequest, op: CaseOp): Promise<ActOutcome> {
  // Who clicks is checked before anything, the shared message included, can change.
  await services.users.toCoralogix(req.actorSlackId, 'actor');
  const current = await services.coralogix.getCase(req.caseId);
  const reason = staleReason(current, op);
  if (reason) {
    const [link, assignee] = await Promise.all([
      services.coralogix.deepLink(current.id),
      assigneeOf(services, current),
    ]);
    return { kind: 'stale', reason, view: { case: current, link, assignee, note: reason } };
  }
  switch (op.op) {
    case 'assign':
      return { kind: 'changed', view: await assignCase(services, { ...req, targetSlackId: op.targetSlackId }) };
    case 'unassign':
      return { kind: 'changed', view: await unassignCase(services, req) };
    case 'acknowledge':
      return { kind: 'changed', view: await acknowledgeCase(services, req) };
  }
}
