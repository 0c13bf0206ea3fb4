import type { Case } from '../coralogix/schemas';
import { truncate } from './mrkdwn';

/**
 * Coralogix enums in the words a responder uses. Values the app does not know yet (the API grows)
 * are shown from their own name, short, rather than hidden. The words are raw text: callers escape
 * them like anything else that came from Coralogix.
 */
const STATUS: Record<string, string> = {
  CASE_STATUS_PENDING_ACTIVATION: 'Pending activation',
  CASE_STATUS_ACTIVE: 'Active',
  CASE_STATUS_ACKNOWLEDGED: 'Acknowledged',
  CASE_STATUS_RESOLVED: 'Resolved',
  CASE_STATUS_CLOSED: 'Closed',
};

const CATEGORY: Record<string, string> = {
  CASE_CATEGORY_SECURITY: 'Security',
  CASE_CATEGORY_AVAILABILITY: 'Availability',
};

const KPI_TYPE: Record<string, string> = {
  KPI_TYPE_TIME_TO_ACKNOWLEDGE: 'Time to acknowledge',
  KPI_TYPE_TIME_TO_RESOLVE: 'Time to resolve',
  KPI_TYPE_TIME_TO_UPDATE: 'Time to update',
};

/** Words for any enum value: known ones from the table, others from their name ("FOO_BAR_BAZ" → "Baz"). */
export function enumWords(value: string | undefined, prefix: string, known: Record<string, string> = {}): string {
  if (!value || value.endsWith('_UNSPECIFIED')) return 'Unknown';
  const word = known[value];
  if (word) return word;
  const rest = value.startsWith(prefix) ? value.slice(prefix.length) : value;
  const spaced = rest.replace(/_/g, ' ').toLowerCase();
  return truncate(spaced.charAt(0).toUpperCase() + spaced.slice(1), 40);
}

export const statusWords = (status: string) => enumWords(status, 'CASE_STATUS_', STATUS);
export const categoryWords = (category: string) => enumWords(category, 'CASE_CATEGORY_', CATEGORY);
export const kpiTypeWords = (type: string | undefined) => enumWords(type, 'KPI_TYPE_', KPI_TYPE);

/** "P2" from CASE_PRIORITY_P2, INDICATOR_PRIORITY_P2 or KPI_PRIORITY_P2. */
export function priorityWords(priority: string | undefined): string {
  const p = /_(P[1-5])$/.exec(priority ?? '');
  return p?.[1] ?? enumWords(priority, 'CASE_PRIORITY_');
}

/** The effective priority, and the system's own when a person overrode it. */
export function casePriorityWords(c: Case): string {
  const effective = priorityWords(c.priority);
  const { system, override } = c.priorityDetails ?? {};
  if (!override || !system || override === system) return effective;
  return `${effective} (override; system ${priorityWords(system)})`;
}

/** The short name of the case: its readable id, or the start of its UUID before it has one. */
export function caseName(c: Pick<Case, 'id' | 'readableId'>): string {
  return truncate(c.readableId || c.id.slice(0, 8), 64);
}
