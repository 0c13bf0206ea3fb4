/**
 * The Coralogix calls this app makes, each with the permission its key needs. The names double as
 * metric labels and log fields, so they are templates ("{id}"), never concrete paths.
 */
export interface Endpoint {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  /** Undefined where Coralogix documents none (the team directory). */
  permission?: string;
  /**
   * Whether doing it twice leaves the case as doing it once. Assigning the same person again or
   * acknowledging twice changes nothing; a second comment is a second note on the timeline.
   */
  idempotent: boolean;
}

export const ENDPOINTS = {
  getCase: { method: 'GET', path: '/cases/cases/v1/{id}', permission: 'case:Read', idempotent: true },
  assign: { method: 'POST', path: '/cases/assigned/v1/{id}', permission: 'case:Assign', idempotent: true },
  unassign: { method: 'DELETE', path: '/cases/assigned/v1/{id}', permission: 'case:Assign', idempotent: true },
  acknowledge: { method: 'PUT', path: '/cases/acknowledged/v1/{id}', permission: 'case:Acknowledge', idempotent: true },
  comment: { method: 'POST', path: '/cases/cases/v1/{id}/comments', permission: 'case:Comment', idempotent: false },
  deepLinks: { method: 'GET', path: '/cases/cases/v1/{id}/deep-links', permission: 'case:Read', idempotent: true },
  // Outside the management API base: the directory Coralogix's own CLI reads to turn e-mails into ids.
  teammates: { method: 'GET', path: '/api/v1/user/team/teammates', idempotent: true },
} as const satisfies Record<string, Endpoint>;

/** "POST /cases/assigned/v1/{id}" */
export function endpointName(endpoint: Endpoint): string {
  return `${endpoint.method} ${endpoint.path}`;
}

/** The concrete path; the id is encoded because it comes from what a user typed. */
export function pathFor(endpoint: Endpoint, id: string): string {
  return endpoint.path.replace('{id}', encodeURIComponent(id));
}
