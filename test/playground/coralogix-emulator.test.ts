import { caseEnvelopeSchema, teammatesEnvelopeSchema } from '../../src/coralogix/schemas';
import { startCoralogixEmulator, type CoralogixEmulator } from '../../src/playground/coralogix-emulator';
import { CORALOGIX_PEOPLE } from '../../src/playground/people';
import type { WireJson } from '../fakes/slack/wire';

const API = '/mgmt/openapi/5';
const bob = CORALOGIX_PEOPLE[1]!;
let cx: CoralogixEmulator;

beforeEach(async () => {
  cx = await startCoralogixEmulator({ caseLink: (id) => `http://localhost:3000/#case=${id}` });
});
afterEach(() => cx.close());

async function call(method: string, path: string, body?: unknown, key = cx.apiKey) {
  const res = await fetch(`${cx.origin}${path}`, {
    method,
    headers: { authorization: `Bearer ${key}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as WireJson };
}

test('refuses a request without its API key, as Coralogix answers', async () => {
  const res = await call('GET', `${API}/cases/cases/v1/CASE-3`, undefined, 'wrong-key');
  expect(res).toEqual({ status: 401, json: { code: 401, message: 'Unauthorized' } });
});

test('serves a dozen seeded cases in every status and priority, each readable by the app', async () => {
  const ids = cx.book.list().map((c) => c.readableId ?? c.id);
  expect(ids.length).toBeGreaterThanOrEqual(12);
  const cases = await Promise.all(
    ids.map(async (id) => caseEnvelopeSchema.parse((await call('GET', `${API}/cases/cases/v1/${id}`)).json).case),
  );
  expect(new Set(cases.map((c) => c.status))).toEqual(
    new Set([
      'CASE_STATUS_PENDING_ACTIVATION',
      'CASE_STATUS_ACTIVE',
      'CASE_STATUS_ACKNOWLEDGED',
      'CASE_STATUS_RESOLVED',
      'CASE_STATUS_CLOSED',
    ]),
  );
  expect(new Set(cases.map((c) => c.priority)).size).toBe(5);
  expect(cases.some((c) => c.caseIndicators?.prometheusAlertIndicators.some((p) => p.alerts?.length))).toBe(true);
  expect(cases.some((c) => c.kpiBreaches?.breachedKpis.length)).toBe(true);
  expect(cases.some((c) => c.aiSummary)).toBe(true);
});

test('assigns through the documented body and shows the change on the case timeline', async () => {
  const res = await call('POST', `${API}/cases/assigned/v1/CASE-3`, { assignee: { userId: bob.id } });
  expect(res.status).toBe(200);
  expect(res.json.case.assignee).toEqual({ userId: bob.id });

  const events = (await call('GET', `${API}/cases/cases/v1/CASE-3/events`)).json.events as WireJson[];
  expect(events.at(-1)?.eventData).toEqual({ assigned: { assigneeUserId: bob.id } });
  expect(events.at(-1)?.actor).toHaveProperty('apiKey');
});

test("the app's timeline notes show up as comments", async () => {
  const res = await call('POST', `${API}/cases/cases/v1/CASE-3/comments`, {
    text: 'Assigned to Bob Smith by Alice Jones from Slack #incidents',
  });
  expect(res.json.event.eventId).toEqual(expect.any(String));
  const timeline = cx.book.timeline(cx.book.find('CASE-3')!.id);
  expect(timeline.at(-1)?.eventData).toEqual({
    comment: { unsafeText: 'Assigned to Bob Smith by Alice Jones from Slack #incidents', attachments: [] },
  });
});

test('acknowledges an active case once, and unassigns', async () => {
  const acked = await call('PUT', `${API}/cases/acknowledged/v1/CASE-1`);
  expect(acked.json.case).toMatchObject({ status: 'CASE_STATUS_ACKNOWLEDGED', acknowledgeTime: expect.any(String) });
  const unassigned = await call('DELETE', `${API}/cases/assigned/v1/CASE-2`);
  expect(unassigned.json.case.assignee).toBeUndefined();
});

test('refuses to assign a resolved case, or to someone not in the team', async () => {
  const resolved = await call('POST', `${API}/cases/assigned/v1/CASE-9`, { assignee: { userId: bob.id } });
  expect(resolved.status).toBe(400);
  const stranger = await call('POST', `${API}/cases/assigned/v1/CASE-3`, { assignee: { userId: 'not-a-member' } });
  expect(stranger).toMatchObject({ status: 400, json: { code: 400 } });
});

test('answers 404 for a case it does not have', async () => {
  const res = await call('GET', `${API}/cases/cases/v1/CASE-999`);
  expect(res).toMatchObject({ status: 404, json: { code: 404 } });
});

test("the deep link leads to the playground's page of the case", async () => {
  const res = await call('GET', `${API}/cases/cases/v1/CASE-3/deep-links`);
  expect(res.json).toEqual({ deepLinks: { detail: 'http://localhost:3000/#case=CASE-3' } });
});

test('lists the team with e-mails as usernames; Dave from Slack is not in it', async () => {
  const res = await call('GET', '/api/v1/user/team/teammates');
  const team = teammatesEnvelopeSchema.parse(res.json).data;
  expect(team.map((t) => t.username)).toContain('Bob.Smith@acme.example');
  expect(team.map((t) => t.username)).not.toContain('dave@acme.example');
  expect(team.some((t) => t.isActive === false)).toBe(true);
});
