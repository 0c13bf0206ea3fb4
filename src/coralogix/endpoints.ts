/**
 * The Coralogix calls this app makes, each with the permission its key needs. The names double as
 * metric labels and log fields, so they are templates ("{id}"), never concrete paths.
 */
export interface Endpoint {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  /** Undefined where Coralogix documents none (the team directory). */
  permission?: string;
}

export const ENDPOINTS = {
  getCase: { method: 'GET', path: '/cases/cases/v1/{id}', permission: 'case:Read' },
  assign: { method: 'POST', path: '/cases/assigned/v1/{id}', permission: 'case:Assign' },
  unassign: { method: 'DELETE', path: '/cases/assigned/v1/{id}', permission: 'case:Assign' },
  acknowledge: { method: 'PUT', path: '/cases/acknowledged/v1/{id}', permission: 'case:Acknowledge' },
  comment: { method: 'POST', path: '/cases/cases/v1/{id}/comments', permission: 'case:Comment' },
  deepLinks: { method: 'GET', path: '/cases/cases/v1/{id}/deep-links', permission: 'case:Read' },
  // Outside the management API base: the directory Coralogix's own CLI reads to turn e-mails into ids.
  teammates: { method: 'GET', path: '/api/v1/user/team/teammates' },
} as const satisfies Record<string, Endpoint>;

/** "POST /cases/assigned/v1/{id}" */
export function endpointName(endpoint: Endpoint): string {
  return `${endpoint.method} ${endpoint.path}`;
}

/** The concrete path; the id is encoded because it comes from what a user typed. */
export function pathFor(endpoint: Endpoint, id: string): string {
  return endpoint.path.replace('{id}', encodeURIComponent(id));
}
