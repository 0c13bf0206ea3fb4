import type { CaseView } from '../blocks/case-message';
import type { Services } from '../services';
import { changeCase, type ChangeRequest } from './case-change';

export function acknowledgeCase(services: Services, req: ChangeRequest): Promise<CaseView> {
  return changeCase(services, req, {
    verb: 'acknowledged',
    apply: (caseId) => services.coralogix.acknowledge(caseId),
    madeIn: (c) => c.status === 'CASE_STATUS_ACKNOWLEDGED' || Boolean(c.acknowledgeTime),
  });
}
