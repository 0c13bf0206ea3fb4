import type { CaseView } from '../blocks/case-message';
import type { Services } from '../services';
import { changeCase, type ChangeRequest } from './case-change';

export function unassignCase(services: Services, req: ChangeRequest): Promise<CaseView> {
  return changeCase(services, req, {
    verb: 'unassigned',
    apply: (caseId) => services.coralogix.unassign(caseId),
    madeIn: (c) => !c.assignee?.userId,
  });
}
