import { pairs, uuidFrom, type CaseEvent, type CaseRecord } from './case-record';

/** What differs between seeded cases; `seedCase` fills in the rest the way Coralogix would. */
export interface CaseSeed {
  n: number;
  /** Cases still pending activation have no readable id yet. */
  readable?: boolean;
  title: string;
  status: 'PENDING_ACTIVATION' | 'ACTIVE' | 'ACKNOWLEDGED' | 'RESOLVED' | 'CLOSED';
  priority: 1 | 2 | 3 | 4 | 5;
  /** The system's own priority when someone overrode it. */
  systemPriority?: 1 | 2 | 3 | 4 | 5;
  security?: boolean;
  minutesAgo: number;
  assignee?: string;
  ackMinutesAgo?: number;
  labels: Record<string, string>;
  groupings: Record<string, string>;
  services?: Array<[name: string, language: string]>;
  databases?: Array<[name: string, system: string]>;
  alerts?: Array<Record<string, string>>;
  prometheus?: string[];
  breaches?: Array<'TIME_TO_ACKNOWLEDGE' | 'TIME_TO_RESOLVE'>;
  aiSummary?: string;
  resolution?: { reason: string; minutesAgo: number };
}

const MINUTE = 60_000;
const SYSTEM = { system: {} };

/** The case and its timeline (created, then assigned, acknowledged and resolved as the seed says). */
export function seedCase(s: CaseSeed, now: number): { record: CaseRecord; events: CaseEvent[] } {
  const at = (minutesAgo: number) => new Date(now - minutesAgo * MINUTE).toISOString();
  const id = uuidFrom(`playground-case-${s.n}`);
  const priority = `CASE_PRIORITY_P${s.priority}`;
  const triggered = at(s.minutesAgo + 1);
  const record: CaseRecord = {
    id,
    ...(s.readable === false ? {} : { readableId: `CASE-${s.n}` }),
    title: s.title,
    status: `CASE_STATUS_${s.status}`,
    priority,
    priorityDetails: s.systemPriority
      ? { system: `CASE_PRIORITY_P${s.systemPriority}`, override: priority }
      : { system: priority },
    category: s.security ? 'CASE_CATEGORY_SECURITY' : 'CASE_CATEGORY_AVAILABILITY',
    ...(s.assignee ? { assignee: { userId: s.assignee } } : {}),
    createTime: at(s.minutesAgo),
    updateTime: at(Math.min(s.minutesAgo, s.ackMinutesAgo ?? s.minutesAgo, s.resolution?.minutesAgo ?? s.minutesAgo)),
    ...(s.ackMinutesAgo === undefined ? {} : { acknowledgeTime: at(s.ackMinutesAgo) }),
    duration: String((s.minutesAgo - (s.resolution?.minutesAgo ?? 0)) * MINUTE),
    labels: pairs(s.labels),
    groupings: pairs(s.groupings),
    impactedEntities: [
      ...(s.services ?? []).map(([name, language]) => ({ apmService: { name, language } })),
      ...(s.databases ?? []).map(([name, system]) => ({ apmDatabase: { name, system } })),
    ],
    caseIndicators: {
      alertIndicators: (s.alerts ?? []).map((permutation, i) => alertIndicator(s, i, permutation, triggered)),
      prometheusAlertIndicators: s.prometheus?.length ? [prometheusIndicator(s, triggered)] : [],
    },
    ...(s.breaches
      ? { kpiBreaches: { breachedKpis: s.breaches.map((kpi, i) => breach(s, kpi, i, at(s.minutesAgo - 15))) } }
      : {}),
    ...(s.aiSummary ? { aiSummary: s.aiSummary } : {}),
    ...(s.resolution
      ? {
          resolutionDetails: {
            reason: s.resolution.reason,
            resolveTime: at(s.resolution.minutesAgo),
            resolvedBy: { cxUser: {} },
          },
        }
      : {}),
  };
  return { record, events: seedTimeline(s, at) };
}

function alertIndicator(s: CaseSeed, i: number, permutation: Record<string, string>, triggered: string) {
  const version = uuidFrom(`alert-version-${s.n}-${i}`);
  return {
    alertId: uuidFrom(`alert-${s.n}-${i}`),
    latestAlertVersion: version,
    alertVersions: [version],
    priority: `INDICATOR_PRIORITY_P${s.priority}`,
    groupingType: 'GROUPING_TYPE_NONE',
    state: s.resolution ? 'INDICATOR_STATE_RESOLVED' : 'INDICATOR_STATE_TRIGGERED',
    triggerTime: triggered,
    permutations: [{ permutation }],
  };
}

function prometheusIndicator(s: CaseSeed, triggered: string) {
  const group = uuidFrom(`prometheus-group-${s.n}`);
  return {
    alertGroupId: group,
    receiver: 'coralogix-cases',
    externalUrl: 'https://alertmanager.acme.example',
    receivedAt: triggered,
    alerts: (s.prometheus ?? []).map((alertName, i) => ({
      alertGroupId: group,
      alertName,
      fingerprint: uuidFrom(`fingerprint-${s.n}-${i}`).replace(/-/g, '').slice(0, 16),
      labels: { alertname: alertName, ...s.groupings },
      status: { triggered: { triggeredAt: triggered } },
      generatorUrl: `https://prometheus.acme.example/graph?g0.expr=${encodeURIComponent(alertName)}`,
    })),
  };
}

function breach(s: CaseSeed, kpi: string, i: number, when: string) {
  return {
    id: uuidFrom(`kpi-${s.n}-${i}`),
    createdAt: when,
    kpiType: `KPI_TYPE_${kpi}`,
    casePriority: `KPI_PRIORITY_P${s.priority}`,
    breachedAt: when,
    breachStatus: s.resolution ? 'BREACH_STATUS_MITIGATED' : 'BREACH_STATUS_BREACHED',
  };
}

function seedTimeline(s: CaseSeed, at: (minutesAgo: number) => string): CaseEvent[] {
  const event = (
    k: string,
    minutesAgo: number,
    eventData: Record<string, object>,
    actor: Record<string, object> = SYSTEM,
  ) => ({
    eventId: uuidFrom(`event-${s.n}-${k}`),
    eventTime: at(minutesAgo),
    createTime: at(minutesAgo),
    actor,
    eventData,
  });
  const events: CaseEvent[] = [
    event('created', s.minutesAgo, { created: { priority: `CASE_PRIORITY_P${s.priority}` } }),
  ];
  const by = s.assignee ? { user: { id: s.assignee } } : SYSTEM;
  if (s.assignee) events.push(event('assigned', s.minutesAgo - 2, { assigned: { assigneeUserId: s.assignee } }, by));
  if (s.ackMinutesAgo !== undefined) {
    const change = { oldStatus: 'CASE_STATUS_ACTIVE', newStatus: 'CASE_STATUS_ACKNOWLEDGED' };
    events.push(event('acknowledged', s.ackMinutesAgo, { statusChanged: change }, by));
  }
  if (s.resolution) {
    const change = { oldStatus: 'CASE_STATUS_ACKNOWLEDGED', newStatus: 'CASE_STATUS_RESOLVED' };
    events.push(event('resolved', s.resolution.minutesAgo, { statusChanged: change }, by));
    events.push(
      event('comment', s.resolution.minutesAgo, { comment: { unsafeText: s.resolution.reason, attachments: [] } }, by),
    );
    if (s.status === 'CLOSED') {
      const closed = { oldStatus: 'CASE_STATUS_RESOLVED', newStatus: 'CASE_STATUS_CLOSED' };
      events.push(event('closed', s.resolution.minutesAgo - 60, { statusChanged: closed }));
    }
  }
  return events;
}
