import type { CaseView } from '../blocks/case-message';
import type { Services } from '../services';
import { changeCase, type ChangeRequest } from './case-change';

export function assignCase(services: Services, req: ChangeRequest & { targetSlackId: string }): Promise<CaseView> {
  return changeCase(services, req, {
    verb: 'assigned',
    apply: (caseId, target) => services.coralogix.assign(caseId, target!.id),
    madeIn: (c, target) => c.assignee?.userId === target?.id,
  });
}
