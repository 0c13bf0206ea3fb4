import { createHash } from 'node:crypto';

/** A case as Coralogix writes it on the wire: camelCase, proto enum names, unset fields left out. */
export interface CaseRecord {
  id: string;
  readableId?: string;
  title: string;
  status: string;
  priority: string;
  priorityDetails?: { system?: string; override?: string };
  category: string;
  assignee?: { userId: string };
  createTime: string;
  updateTime: string;
  acknowledgeTime?: string;
  duration: string;
  labels: KeyValue[];
  groupings: KeyValue[];
  impactedEntities: Array<{
    apmService?: { name: string; language: string };
    apmDatabase?: { name: string; system: string };
  }>;
  caseIndicators: { alertIndicators: unknown[]; prometheusAlertIndicators?: unknown[] };
  kpiBreaches?: { breachedKpis: unknown[] };
  resolutionDetails?: { reason?: string; resolveTime?: string; resolvedBy?: Record<string, object> };
  aiSummary?: string;
}

export interface KeyValue {
  key: string;
  value: string;
}

/** One entry of a case's timeline, shaped like the Case Events service's CaseEvent. */
export interface CaseEvent {
  eventId: string;
  eventTime: string;
  createTime: string;
  actor: Record<string, object>;
  eventData: Record<string, object>;
}

/** A stable UUID from a seed name, so seeded cases keep their ids across restarts. */
export function uuidFrom(seed: string): string {
  const h = createHash('sha1').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export const pairs = (record: Record<string, string>): KeyValue[] =>
  Object.entries(record).map(([key, value]) => ({ key, value }));

export function isFinalStatus(status: string): boolean {
  return status === 'CASE_STATUS_RESOLVED' || status === 'CASE_STATUS_CLOSED';
}
