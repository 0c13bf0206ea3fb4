import { caseSchema, type Case } from '../../src/coralogix/schemas';
import { buildCase as wireCase } from '../fakes/coralogix-data';

/**
 * A realistic ACTIVE, unacknowledged, unassigned CASE-123: the fake Coralogix's wire case with fixed
 * id and times, parsed through the same schema as the API's answers. Overrides replace whole fields
 * (pass `undefined` to drop one).
 */
export function buildCase(overrides: Partial<Record<keyof Case, unknown>> = {}): Case {
  return caseSchema.parse({
    ...wireCase(123),
    id: '3f166e9f-3c88-4af2-b52e-138f339dab3e',
    title: 'High error rate on payments-api',
    createTime: '2026-09-22T10:30:00.000Z',
    updateTime: '2026-09-22T10:31:00.000Z',
    aiSummary: 'Error ratio on payments-api rose above 5% after the 10:25 deploy.',
    ...overrides,
  });
}
