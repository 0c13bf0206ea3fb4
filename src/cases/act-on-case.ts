import type { CaseView } from '../blocks/case-message';
import { statusWords } from '../blocks/case-words';
import { isFinal, type Case } from '../coralogix/schemas';
import { isAppError } from '../errors';
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

/** Why `op` no longer makes sense on the case as Coralogix has it now, if it does not. */
function staleReason(c: Case, op: CaseOp): string | undefined {
  const id = c.readableId ?? c.id;
  if (isFinal(c)) return `${id} was ${statusWords(c.status).toLowerCase()} meanwhile; it can no longer be changed.`;
  if (op.op === 'acknowledge' && (c.status === 'CASE_STATUS_ACKNOWLEDGED' || c.acknowledgeTime)) {
    return `${id} was already acknowledged.`;
  }
  if (op.op === 'unassign' && !c.assignee?.userId) return `${id} was already unassigned.`;
  return undefined;
}

async function staleOutcome(services: Services, current: Case, reason: string): Promise<ActOutcome> {
  const [link, assignee] = await Promise.all([services.coralogix.deepLink(current.id), assigneeOf(services, current)]);
  return { kind: 'stale', reason, view: { case: current, link, assignee, note: reason } };
}

/**
 * A click on a case message. Messages can be hours old, so a click must not act on a state that no
 * longer exists. Assigning makes sense unless the case is finished, which Coralogix itself refuses,
 * so only that refusal costs a read; acknowledging and unassigning read the case first.
 */
export async function actOnCase(services: Services, req: ChangeRequest, op: CaseOp): Promise<ActOutcome> {
  // Who clicks is checked before anything, the shared message included, can change.
  await services.users.toCoralogix(req.actorSlackId, 'actor');
  if (op.op === 'assign') {
    try {
      return { kind: 'changed', view: await assignCase(services, { ...req, targetSlackId: op.targetSlackId }) };
    } catch (e) {
      if (!isAppError(e) || e.code !== 'case_closed') throw e;
      const current = await services.coralogix.getCase(req.caseId);
      const reason = staleReason(current, op);
      if (!reason) throw e;
      return staleOutcome(services, current, reason);
    }
  }
  const current = await services.coralogix.getCase(req.caseId);
  const reason = staleReason(current, op);
  if (reason) return staleOutcome(services, current, reason);
  const view = op.op === 'unassign' ? await unassignCase(services, req) : await acknowledgeCase(services, req);
  return { kind: 'changed', view };
}
