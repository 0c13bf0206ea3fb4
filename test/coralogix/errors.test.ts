import type { CoralogixClient } from '../../src/coralogix/client';
import { createLogger } from '../../src/logger';
import { startFakeCoralogix, type FakeCoralogix } from '../fakes/coralogix-server';
import { clientFor, failureOf } from './harness';

let fake: FakeCoralogix;
let aliceId: string;

beforeEach(async () => {
  fake = await startFakeCoralogix();
  aliceId = fake.addTeammate({ email: 'alice@example.com' }).id;
  fake.addCase();
});
afterEach(() => fake.close());

describe('Coralogix failures as AppErrors', () => {
  it('reports a rejected key as unauthorized, without retrying', async () => {
    const error = await failureOf(clientFor(fake, { apiKey: 'cxtp_wrong_key_987654' }).client.getCase('CASE-1'));

    expect(error.code).toBe('coralogix_unauthorized');
    expect(error.details).toMatchObject({ status: 401, endpoint: 'GET /cases/cases/v1/{id}' });
    expect(fake.requests).toHaveLength(1);
  });

  it.each<[string, string, (c: CoralogixClient) => Promise<unknown>]>([
    ['case:Read', 'GET /cases/cases/v1/{id}', (c) => c.getCase('CASE-1')],
    ['case:Assign', 'POST /cases/assigned/v1/{id}', (c) => c.assign('CASE-1', aliceId)],
    ['case:Assign', 'DELETE /cases/assigned/v1/{id}', (c) => c.unassign('CASE-1')],
    ['case:Acknowledge', 'PUT /cases/acknowledged/v1/{id}', (c) => c.acknowledge('CASE-1')],
    ['case:Comment', 'POST /cases/cases/v1/{id}/comments', (c) => c.comment('CASE-1', 'hello')],
  ])('names the missing permission %s when %s is forbidden', async (permission, endpoint, act) => {
    fake.denyPermission(permission);
    const error = await failureOf(act(clientFor(fake).client));

    expect(error.code).toBe('coralogix_forbidden');
    expect(error.details).toEqual({ status: 403, endpoint, permission });
    expect(error.message).toContain(`Forbidden: missing permission ${permission}`);
  });

  it('reports an unknown case as not found, with the id asked for', async () => {
    const error = await failureOf(clientFor(fake).client.assign('CASE-404', aliceId));

    expect(error.code).toBe('case_not_found');
    expect(error.details).toMatchObject({ status: 404, caseId: 'CASE-404', endpoint: 'POST /cases/assigned/v1/{id}' });
  });

  it('reports a change to a closed case as rejected, with what Coralogix said, and does not retry', async () => {
    fake.addCase({ status: 'CASE_STATUS_CLOSED' });
    const error = await failureOf(clientFor(fake).client.assign('CASE-2', aliceId));

    expect(error.code).toBe('coralogix_rejected');
    expect(error.details).toMatchObject({ status: 400 });
    expect(error.message).toContain('CASE_STATUS_CLOSED');
    expect(fake.requests).toHaveLength(1);
  });

  it.each([
    ['a plain-text body', 'Bad Request: invalid assignee'],
    ['an error string', { error: 'Bad Request: invalid assignee' }],
    ['a nested error message', { error: { message: 'Bad Request: invalid assignee' } }],
    ['a detail field', { detail: 'Bad Request: invalid assignee' }],
  ])('reads the reason from %s', async (_form, body) => {
    fake.failNext('POST /cases/assigned/v1', { status: 400, body });
    const error = await failureOf(clientFor(fake).client.assign('CASE-1', aliceId));

    expect(error.code).toBe('coralogix_rejected');
    expect(error.message).toContain('Bad Request: invalid assignee');
  });

  it('shortens a long error body', async () => {
    fake.failNext('GET /cases/cases/v1', { status: 400, body: 'x'.repeat(5000) });
    const error = await failureOf(clientFor(fake).client.getCase('CASE-1'));

    expect(error.message.length).toBeLessThan(400);
  });

  it('names the page when a proxy answers with HTML', async () => {
    const page = '<html><head><title>502 Bad Gateway</title></head><body><h1>nginx</h1></body></html>';
    fake.failNext('GET /cases/cases/v1', { status: 502, body: page, headers: { 'content-type': 'text/html' } }, 10);
    const error = await failureOf(clientFor(fake).client.getCase('CASE-1'));

    expect(error.code).toBe('coralogix_unavailable');
    expect(error.message).toContain('HTML page "502 Bad Gateway"');
  });

  it('refuses a 200 that is an HTML page', async () => {
    const page = '<html><head><title>Sign in</title></head></html>';
    fake.failNext('GET /cases/cases/v1', { status: 200, body: page, headers: { 'content-type': 'text/html' } });
    const error = await failureOf(clientFor(fake).client.getCase('CASE-1'));

    expect(error.code).toBe('coralogix_bad_response');
    expect(error.details).toEqual({ status: 200, endpoint: 'GET /cases/cases/v1/{id}' });
  });

  it('refuses a 200 whose JSON holds no case', async () => {
    fake.failNext('PUT /cases/acknowledged/v1', { status: 200, body: { cases: [] } });
    const error = await failureOf(clientFor(fake).client.acknowledge('CASE-1'));

    expect(error.code).toBe('coralogix_bad_response');
  });
});

describe('the API key stays secret', () => {
  it('appears in no error message and no log line, whatever fails', async () => {
    const harness = clientFor(fake, { timeoutMs: 100, retries: 1 });
    const { client } = harness;
    fake.failNext('GET /cases/cases/v1', { status: 400, body: `invalid token Bearer ${fake.apiKey}` });
    fake.failNext('PUT /cases/acknowledged/v1', { status: 500, body: { message: `key ${fake.apiKey} broke` } }, 2);
    fake.failNext('DELETE /cases/assigned/v1', { kind: 'timeout' }, 2);
    fake.denyPermission('case:Comment');

    const errors = await Promise.all([
      failureOf(client.getCase('CASE-1')),
      failureOf(client.acknowledge('CASE-1')),
      failureOf(client.unassign('CASE-1')),
      failureOf(client.comment('CASE-1', 'x')),
    ]);
    // A logger that knows no secret: whatever a caller logs, the error itself must not hold the key.
    const lines: string[] = [];
    const plain = createLogger({ level: 'debug', destination: { write: (l: string) => lines.push(l) } });
    for (const error of errors) plain.error({ err: error, cause: error.cause }, 'call failed');

    expect(errors.map((e) => e.code)).toEqual([
      'coralogix_rejected',
      'coralogix_unavailable',
      'coralogix_unavailable',
      'coralogix_forbidden',
    ]);
    for (const error of errors) expect(error.message).not.toContain(fake.apiKey);
    expect(lines.join('')).toContain('call failed');
    expect(lines.join('')).not.toContain(fake.apiKey);
    expect(harness.logText()).not.toContain(fake.apiKey);
  });
});
