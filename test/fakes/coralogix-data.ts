import { randomUUID } from 'node:crypto';

/** A case as Coralogix writes it on the wire: camelCase, proto enum names, unset fields omitted. */
export interface FakeCase {
  id: string;
  readableId?: string;
  title: string;
  status: string;
  priority: string;
  category: string;
  assignee?: { userId: string };
  createTime: string;
  updateTime?: string;
  acknowledgeTime?: string;
  labels: Array<{ key: string; value: string }>;
  groupings: Array<{ key: string; value: string }>;
  impactedEntities: unknown[];
  [field: string]: unknown;
}

/** A member of the team directory; `username` is the e-mail. */
export interface FakeTeammate {
  id: string;
  username: string;
  firstName?: string;
  lastName?: string;
  isActive: boolean;
}

export interface TeammateInput {
  id?: string;
  email: string;
  firstName?: string;
  lastName?: string;
  isActive?: boolean;
}

/** A realistic active case; `n` numbers its readable id. Overrides win, and may add any field. */
export function buildCase(n: number, overrides: Partial<FakeCase> = {}): FakeCase {
  const created = new Date(Date.UTC(2026, 8, 22, 10, 30) + n * 60_000).toISOString();
  return {
    id: randomUUID(),
    readableId: `CASE-${n}`,
    title: `High error rate on payments-api (${n})`,
    status: 'CASE_STATUS_ACTIVE',
    priority: 'CASE_PRIORITY_P2',
    priorityDetails: { system: 'CASE_PRIORITY_P2' },
    category: 'CASE_CATEGORY_AVAILABILITY',
    createTime: created,
    updateTime: created,
    duration: '60000',
    labels: [{ key: 'team', value: 'payments' }],
    groupings: [{ key: 'service', value: 'payments-api' }],
    impactedEntities: [{ apmService: { name: 'payments-api', language: 'go' } }],
    caseIndicators: {
      alertIndicators: [
        {
          alertId: 'f56645c5-9cd4-4b9f-961f-4f852d8835a0',
          latestAlertVersion: '1eae3615-79e7-4b54-88e0-6a77def653bf',
          alertVersions: ['1eae3615-79e7-4b54-88e0-6a77def653bf'],
          priority: 'INDICATOR_PRIORITY_P2',
          groupingType: 'GROUPING_TYPE_NONE',
          state: 'INDICATOR_STATE_TRIGGERED',
          triggerTime: created,
          permutations: [{ permutation: { service: 'payments-api', cluster: 'prod-eu' } }],
        },
      ],
      prometheusAlertIndicators: [],
    },
    ...overrides,
  };
}

export function buildTeammate(input: TeammateInput): FakeTeammate {
  const local = input.email.split('@')[0] ?? input.email;
  return {
    id: input.id ?? randomUUID(),
    username: input.email,
    firstName: input.firstName ?? local,
    lastName: input.lastName ?? 'Tester',
    isActive: input.isActive ?? true,
  };
}

/** A comment event as CreateComment answers it. */
export function commentEvent(text: string): object {
  const now = new Date().toISOString();
  return {
    eventId: randomUUID(),
    eventTime: now,
    createTime: now,
    actor: { apiKey: { id: randomUUID(), name: 'case-assign' } },
    eventData: { comment: { unsafeText: text, attachments: [] } },
  };
}
