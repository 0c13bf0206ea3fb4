import { caseSchema, type Case } from '../../src/coralogix/schemas';

/**
 * A realistic ACTIVE, unacknowledged, unassigned case, parsed through the same schema as the API's
 * answers; overrides replace whole fields (pass `undefined` to drop one).
 */
export function buildCase(overrides: Partial<Record<keyof Case, unknown>> = {}): Case {
  return caseSchema.parse({
    id: '3f166e9f-3c88-4af2-b52e-138f339dab3e',
    readableId: 'CASE-123',
    title: 'High error rate on payments-api',
    status: 'CASE_STATUS_ACTIVE',
    priority: 'CASE_PRIORITY_P2',
    priorityDetails: { system: 'CASE_PRIORITY_P2' },
    category: 'CASE_CATEGORY_AVAILABILITY',
    createTime: '2026-09-22T10:30:00.000Z',
    updateTime: '2026-09-22T10:31:00.000Z',
    labels: [{ key: 'team', value: 'payments' }],
    groupings: [{ key: 'service', value: 'payments-api' }],
    impactedEntities: [{ apmService: { name: 'payments-api', language: 'go' } }],
    caseIndicators: {
      alertIndicators: [
        {
          alertId: 'f56645c5-9cd4-4b9f-961f-4f852d8835a0',
          priority: 'INDICATOR_PRIORITY_P2',
          state: 'INDICATOR_STATE_TRIGGERED',
          triggerTime: '2026-09-22T10:29:40.000Z',
          permutations: [{ permutation: { service: 'payments-api', cluster: 'prod-eu' } }],
        },
      ],
      prometheusAlertIndicators: [],
    },
    aiSummary: 'Error ratio on payments-api rose above 5% after the 10:25 deploy.',
    ...overrides,
  });
}
