import { commentEvent, type FakeCase, type FakeTeammate } from './coralogix-data';

/** What the fake Coralogix knows; the server and the tests share it. */
export interface CoralogixState {
  cases: Map<string, FakeCase>;
  comments: Array<{ caseId: string; text: string }>;
  teammates: FakeTeammate[];
  denied: Set<string>;
}

export interface Answer {
  status: number;
  body: unknown;
}

type Handler = (state: CoralogixState, found: FakeCase, body: unknown) => Answer;

/** Case routes look the case up first and answer 404 for an unknown one; direct routes do not. */
type RouteDef = { method: string; pattern: RegExp; permission?: string } & (
  { onCase: Handler } | { direct: (state: CoralogixState) => Answer }
);

const API = '/mgmt/openapi/5';
const FINAL = ['CASE_STATUS_RESOLVED', 'CASE_STATUS_CLOSED'];

const error = (status: number, message: string): Answer => ({ status, body: { code: status, message } });
const touch = (c: FakeCase): void => {
  c.updateTime = new Date().toISOString();
};
/** Coralogix's own status for a change to a finished case is undocumented; a 400 is our guess. */
const refuseFinal = (c: FakeCase): Answer | undefined =>
  FINAL.includes(c.status)
    ? error(400, `Failed Precondition: case ${c.readableId ?? c.id} is ${c.status} and accepts no changes`)
    : undefined;

const caseRoute = (method: string, path: string, permission: string, handle: Handler): RouteDef => ({
  method,
  pattern: new RegExp(`^${API}${path.replace('{id}', '([^/?]+)')}$`),
  permission,
  onCase: handle,
});

const ROUTES: RouteDef[] = [
  caseRoute('GET', '/cases/cases/v1/{id}', 'case:Read', (_s, c) => ({ status: 200, body: { case: c } })),
  caseRoute('POST', '/cases/assigned/v1/{id}', 'case:Assign', (state, c, body) => {
    const userId = (body as { assignee?: { userId?: unknown } } | undefined)?.assignee?.userId;
    if (!state.teammates.some((t) => t.id === userId))
      return error(400, `Bad Request: unknown assignee ${String(userId)}`);
    const refused = refuseFinal(c);
    if (refused) return refused;
    c.assignee = { userId: String(userId) };
    touch(c);
    return { status: 200, body: { case: c } };
  }),
  caseRoute('DELETE', '/cases/assigned/v1/{id}', 'case:Assign', (_s, c) => {
    const refused = refuseFinal(c);
    if (refused) return refused;
    delete c.assignee;
    touch(c);
    return { status: 200, body: { case: c } };
  }),
  caseRoute('PUT', '/cases/acknowledged/v1/{id}', 'case:Acknowledge', (_s, c) => {
    const refused = refuseFinal(c);
    if (refused) return refused;
    c.status = 'CASE_STATUS_ACKNOWLEDGED';
    c.acknowledgeTime = new Date().toISOString();
    touch(c);
    return { status: 200, body: { case: c } };
  }),
  caseRoute('POST', '/cases/cases/v1/{id}/comments', 'case:Comment', (state, c, body) => {
    const text = (body as { text?: unknown } | undefined)?.text;
    if (typeof text !== 'string' || text.trim() === '') return error(400, 'Bad Request: text is required');
    state.comments.push({ caseId: c.id, text });
    return { status: 200, body: { event: commentEvent(text) } };
  }),
  caseRoute('GET', '/cases/cases/v1/{id}/deep-links', 'case:Read', (_s, c) => ({
    status: 200,
    body: { deepLinks: { detail: `https://team.app.eu2.coralogix.com/#/cases/${c.id}`, impactedEntities: [] } },
  })),
  {
    method: 'GET',
    pattern: /^\/api\/v1\/user\/team\/teammates$/,
    direct: (state) => ({ status: 200, body: { data: state.teammates } }),
  },
];

/** Answers one authenticated request; a path Coralogix does not serve gets grpc-gateway's 404. */
export function answer(state: CoralogixState, method: string, path: string, body: unknown): Answer {
  const pathOnly = path.split('?')[0] ?? '';
  for (const route of ROUTES) {
    const match = route.method === method ? route.pattern.exec(pathOnly) : null;
    if (!match) continue;
    if (route.permission && state.denied.has(route.permission)) {
      return error(403, `Forbidden: missing permission ${route.permission}`);
    }
    if ('direct' in route) return route.direct(state);
    const ref = decodeURIComponent(match[1] ?? '');
    const found = state.cases.get(ref) ?? [...state.cases.values()].find((c) => c.readableId === ref);
    if (!found) return error(404, `Not Found: case ${ref}`);
    return route.onCase(state, found, body);
  }
  return { status: 404, body: { code: 5, message: 'Not Found' } };
}
