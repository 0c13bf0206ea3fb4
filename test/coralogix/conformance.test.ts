import axios from 'axios';
import { describeConformance, openapiDir, startFakeCoralogix, type FakeCoralogix } from '../fakes/coralogix-server';
import { clientFor } from './harness';

const API = '/mgmt/openapi/5';

let fake: FakeCoralogix;

beforeEach(async () => {
  fake = await startFakeCoralogix({ openapiDir });
});
afterEach(() => fake.close());

/** Sends a request the way a careless client might, bypassing ours. */
const raw = (method: string, path: string, data?: unknown) =>
  axios.request({
    method,
    url: `${fake.origin}${API}${path}`,
    data,
    headers: { Authorization: `Bearer ${fake.apiKey}` },
    validateStatus: () => true,
  });

describeConformance('requests against the Coralogix OpenAPI specs', () => {
  it('the client sends only what the specs allow', async () => {
    const stored = fake.addCase();
    const alice = fake.addTeammate({ email: 'alice@example.com' });
    fake.failNext('GET /cases/cases/v1', { status: 503 });
    const { client } = clientFor(fake);

    await client.getCase(stored.id);
    await client.getCase('CASE-1');
    await client.assign('CASE-1', alice.id);
    await client.unassign(stored.id);
    await client.acknowledge('CASE-1');
    await client.comment('CASE-1', 'Assigned to alice@example.com by <@U024BE7LH> via Slack');
    await client.deepLink('CASE-1');
    await client.teammates();

    expect(fake.requests.length).toBeGreaterThanOrEqual(9);
    expect(fake.violations).toEqual([]);
  });

  it('reports a readable id in lower case', async () => {
    await raw('GET', '/cases/cases/v1/case-1');

    expect(fake.violations).toEqual([expect.stringContaining('/cases/cases/v1/case-1: path parameter id')]);
  });

  it('reports an assignee that is an e-mail rather than a user id', async () => {
    await raw('POST', '/cases/assigned/v1/CASE-1', { assignee: { userId: 'alice@example.com' } });

    expect(fake.violations).toEqual([expect.stringContaining('/assignee/userId')]);
  });

  it('reports an assign without a body', async () => {
    await raw('POST', '/cases/assigned/v1/CASE-1');

    expect(fake.violations).toEqual([expect.stringContaining('required body missing')]);
  });

  it('reports a body on acknowledge, which takes none', async () => {
    await raw('PUT', '/cases/acknowledged/v1/CASE-1', {});

    expect(fake.violations).toEqual([expect.stringContaining('declares none')]);
  });

  it('reports a blank comment', async () => {
    await raw('POST', '/cases/cases/v1/CASE-1/comments', { text: '   ' });

    expect(fake.violations).toEqual([expect.stringContaining('/text')]);
  });

  it('reports an operation the specs do not have', async () => {
    await raw('POST', '/cases/cases/v1/CASE-1:assign', { assignee: {} });

    expect(fake.violations).toEqual([expect.stringContaining('no such operation')]);
  });
});
