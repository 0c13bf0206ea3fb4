import example from '../fixtures/coralogix-example-assign-response.json';
import { startFakeCoralogix, type FakeCoralogix } from '../fakes/coralogix-server';
import { clientFor, failureOf } from './harness';

const API = '/mgmt/openapi/5';
let fake: FakeCoralogix;

beforeEach(async () => {
  fake = await startFakeCoralogix();
});
afterEach(() => fake.close());

describe('Coralogix client on the wire', () => {
  it('reads a case by readable id with the key as a bearer token', async () => {
    const stored = fake.addCase({ title: 'Disk full on db-1' });
    const got = await clientFor(fake).client.getCase('CASE-1');

    expect(got).toMatchObject({ id: stored.id, readableId: 'CASE-1', title: 'Disk full on db-1' });
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]).toMatchObject({ method: 'GET', path: `${API}/cases/cases/v1/CASE-1`, body: undefined });
    expect(fake.requests[0]?.headers.authorization).toBe(`Bearer ${fake.apiKey}`);
  });

  it('assigns by posting the user id and returns the updated case', async () => {
    const stored = fake.addCase();
    const alice = fake.addTeammate({ email: 'alice@example.com' });
    const got = await clientFor(fake).client.assign(stored.id, alice.id);

    expect(got.assignee?.userId).toBe(alice.id);
    expect(fake.requests[0]).toMatchObject({
      method: 'POST',
      path: `${API}/cases/assigned/v1/${stored.id}`,
      body: { assignee: { userId: alice.id } },
    });
  });

  it('unassigns with a DELETE that carries no body', async () => {
    const alice = fake.addTeammate({ email: 'alice@example.com' });
    fake.addCase({ assignee: { userId: alice.id } });
    const got = await clientFor(fake).client.unassign('CASE-1');

    expect(got.assignee).toBeUndefined();
    expect(fake.requests[0]).toMatchObject({
      method: 'DELETE',
      path: `${API}/cases/assigned/v1/CASE-1`,
      body: undefined,
    });
  });

  it('acknowledges with a PUT that carries no body', async () => {
    fake.addCase();
    const got = await clientFor(fake).client.acknowledge('CASE-1');

    expect(got.status).toBe('CASE_STATUS_ACKNOWLEDGED');
    expect(got.acknowledgeTime).toEqual(expect.any(String));
    expect(fake.requests[0]).toMatchObject({
      method: 'PUT',
      path: `${API}/cases/acknowledged/v1/CASE-1`,
      body: undefined,
    });
  });

  it('adds a timeline comment', async () => {
    const stored = fake.addCase();
    await clientFor(fake).client.comment('CASE-1', 'Assigned to Alice by @bob via Slack');

    expect(fake.comments).toEqual([{ caseId: stored.id, text: 'Assigned to Alice by @bob via Slack' }]);
    expect(fake.requests[0]).toMatchObject({ method: 'POST', path: `${API}/cases/cases/v1/CASE-1/comments` });
    expect(fake.requests[0]?.body).toEqual({ text: 'Assigned to Alice by @bob via Slack' });
  });

  it('reads the team directory outside the management API base', async () => {
    fake.addTeammate({ id: '3af152ee-9eaf-4803-87f1-23c5fb2fbaa0', email: 'alice@example.com', firstName: 'Alice' });
    const team = await clientFor(fake).client.teammates();

    expect(team).toEqual([
      expect.objectContaining({ id: '3af152ee-9eaf-4803-87f1-23c5fb2fbaa0', username: 'alice@example.com' }),
    ]);
    expect(fake.requests[0]).toMatchObject({ method: 'GET', path: '/api/v1/user/team/teammates' });
    expect(fake.requests[0]?.headers.authorization).toBe(`Bearer ${fake.apiKey}`);
  });

  it('encodes an id so it cannot change the path', async () => {
    const error = await failureOf(clientFor(fake).client.getCase('CASE-1/../../x?y'));

    expect(fake.requests[0]?.path).toBe(`${API}/cases/cases/v1/CASE-1%2F..%2F..%2Fx%3Fy`);
    expect(error.code).toBe('case_not_found');
  });

  it('parses the example answer of the Coralogix docs', async () => {
    fake.addCase();
    fake.failNext('POST /cases/assigned/v1', { status: 200, body: example });
    const got = await clientFor(fake).client.assign('CASE-1', '3af152ee-9eaf-4803-87f1-23c5fb2fbaa0');

    expect(got).toMatchObject({
      id: '3f166e9f-3c88-4af2-b52e-138f339dab3e',
      readableId: 'CASE-123',
      title: 'Database outage investigation',
      assignee: { userId: '3af152ee-9eaf-4803-87f1-23c5fb2fbaa0' },
    });
  });
});

describe('Coralogix client deep links', () => {
  it('returns the case page and asks only once per case', async () => {
    const stored = fake.addCase();
    const { client } = clientFor(fake);

    const first = await client.deepLink('CASE-1');
    const second = await client.deepLink('CASE-1');

    expect(first).toBe(`https://team.app.eu2.coralogix.com/#/cases/${stored.id}`);
    expect(second).toBe(first);
    expect(fake.requests.filter((r) => r.path.endsWith('/deep-links'))).toHaveLength(1);
  });

  it('answers undefined and warns when Coralogix refuses, then asks again next time', async () => {
    fake.addCase();
    fake.denyPermission('case:Read');
    const harness = clientFor(fake);

    await expect(harness.client.deepLink('CASE-1')).resolves.toBeUndefined();
    await expect(harness.client.deepLink('CASE-1')).resolves.toBeUndefined();

    expect(fake.requests).toHaveLength(2);
    expect(harness.logs.filter((l) => l.msg === 'no deep link for case')).toHaveLength(2);
  });
});
