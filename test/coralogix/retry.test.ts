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

const retryLogs = (logs: Array<Record<string, unknown>>) => logs.filter((l) => l.msg === 'retrying Coralogix call');

describe('Coralogix client retries', () => {
  it('waits as long as a 429 asks and then succeeds', async () => {
    fake.failNext('POST /cases/assigned/v1', {
      status: 429,
      body: { code: 429, message: 'Too Many' },
      headers: { 'retry-after': '1' },
    });
    const harness = clientFor(fake);
    const got = await harness.client.assign('CASE-1', aliceId);

    expect(got.assignee?.userId).toBe(aliceId);
    expect(fake.requests).toHaveLength(2);
    expect(retryLogs(harness.logs)).toEqual([expect.objectContaining({ attempt: 1, status: 429 })]);
    expect(retryLogs(harness.logs)[0]?.delayMs).toBeGreaterThanOrEqual(1000);
  });

  it('gives up at once when Retry-After asks for longer than it will wait', async () => {
    fake.failNext('GET /cases/cases/v1', { status: 429, headers: { 'retry-after': '60' } });
    const error = await failureOf(clientFor(fake).client.getCase('CASE-1'));

    expect(error.code).toBe('coralogix_unavailable');
    expect(error.details).toMatchObject({ status: 429, retryAfter: 60 });
    expect(fake.requests).toHaveLength(1);
  });

  it('understands Retry-After as an HTTP date', async () => {
    const inAnHour = new Date(Date.now() + 3_600_000).toUTCString();
    fake.failNext('GET /cases/cases/v1', { status: 503, headers: { 'retry-after': inAnHour } });
    const error = await failureOf(clientFor(fake).client.getCase('CASE-1'));

    expect(error.details.retryAfter).toBeGreaterThan(3500);
    expect(fake.requests).toHaveLength(1);
  });

  it('retries a 503 and returns the answer that follows', async () => {
    fake.failNext('PUT /cases/acknowledged/v1', { status: 503, body: 'Service Unavailable' });
    const got = await clientFor(fake).client.acknowledge('CASE-1');

    expect(got.status).toBe('CASE_STATUS_ACKNOWLEDGED');
    expect(fake.requests.map((r) => r.method)).toEqual(['PUT', 'PUT']);
  });

  it('gives up after its retries when Coralogix keeps failing', async () => {
    fake.failNext('POST /cases/assigned/v1', { status: 500, body: { code: 500, message: 'Internal' } }, 10);
    const harness = clientFor(fake);
    const error = await failureOf(harness.client.assign('CASE-1', aliceId));

    expect(error.code).toBe('coralogix_unavailable');
    expect(error.details).toMatchObject({ status: 500, endpoint: 'POST /cases/assigned/v1/{id}' });
    expect(error.transient).toBe(true);
    expect(fake.requests).toHaveLength(4);
    expect(retryLogs(harness.logs).map((l) => l.attempt)).toEqual([1, 2, 3]);
  });

  it('retries a request that timed out', async () => {
    fake.failNext('DELETE /cases/assigned/v1', { kind: 'timeout' });
    const got = await clientFor(fake, { timeoutMs: 150 }).client.unassign('CASE-1');

    expect(got.id).toEqual(expect.any(String));
    expect(fake.requests).toHaveLength(2);
  });

  it('reports a Coralogix that never answers as unavailable', async () => {
    fake.failNext('GET /cases/cases/v1', { kind: 'timeout' }, 10);
    const error = await failureOf(clientFor(fake, { timeoutMs: 100, retries: 1 }).client.getCase('CASE-1'));

    expect(error.code).toBe('coralogix_unavailable');
    expect(error.details.status).toBeUndefined();
    expect(error.message).toContain('timeout');
    expect(fake.requests).toHaveLength(2);
  });

  it('reports a Coralogix slower than the timeout as unavailable', async () => {
    fake.setDelay(400);
    const error = await failureOf(clientFor(fake, { timeoutMs: 100, retries: 0 }).client.getCase('CASE-1'));

    expect(error.code).toBe('coralogix_unavailable');
  });

  it('retries a dropped connection', async () => {
    fake.failNext('GET /cases/cases/v1', { kind: 'hangup' });
    const got = await clientFor(fake).client.getCase('CASE-1');

    expect(got.readableId).toBe('CASE-1');
    expect(fake.requests).toHaveLength(2);
  });

  it('reports a refused connection as unavailable', async () => {
    const gone = await startFakeCoralogix();
    await gone.close();
    const error = await failureOf(clientFor(gone).client.getCase('CASE-1'));

    expect(error.code).toBe('coralogix_unavailable');
    expect(error.message).toContain('ECONNREFUSED');
  });

  it('never retries a 4xx other than 429', async () => {
    fake.failNext('POST /cases/assigned/v1', { status: 409, body: { code: 409, message: 'Conflict' } });
    const error = await failureOf(clientFor(fake).client.assign('CASE-1', aliceId));

    expect(error.code).toBe('coralogix_rejected');
    expect(fake.requests).toHaveLength(1);
  });
});

describe('Coralogix client retries of a timeline comment, which must not be written twice', () => {
  it('does not retry a comment whose answer was lost after Coralogix stored it', async () => {
    fake.failNext('POST /cases/cases/v1', { kind: 'applied-then-hangup' });
    const error = await failureOf(clientFor(fake).client.comment('CASE-1', 'hello'));

    expect(error.code).toBe('coralogix_unavailable');
    expect(fake.requests).toHaveLength(1);
    expect(fake.comments.map((c) => c.text)).toEqual(['hello']);
  });

  it('does not retry a comment that timed out, since Coralogix may store it late', async () => {
    fake.failNext('POST /cases/cases/v1', { kind: 'applied-late', delayMs: 300 });
    const error = await failureOf(clientFor(fake, { timeoutMs: 100 }).client.comment('CASE-1', 'hello'));

    expect(error.code).toBe('coralogix_unavailable');
    expect(fake.requests).toHaveLength(1);
  });

  it.each([500, 502, 504])('does not retry a comment answered %i', async (status) => {
    fake.failNext('POST /cases/cases/v1', { status, body: 'upstream error' });
    const error = await failureOf(clientFor(fake).client.comment('CASE-1', 'hello'));

    expect(error.code).toBe('coralogix_unavailable');
    expect(fake.requests).toHaveLength(1);
  });

  it.each([429, 503])('retries a comment answered %i, which Coralogix did not handle', async (status) => {
    fake.failNext('POST /cases/cases/v1', { status, body: 'busy' });
    await clientFor(fake).client.comment('CASE-1', 'hello');

    expect(fake.requests).toHaveLength(2);
    expect(fake.comments.map((c) => c.text)).toEqual(['hello']);
  });

  it('retries a comment whose connection was refused', async () => {
    const gone = await startFakeCoralogix();
    await gone.close();
    const harness = clientFor(gone);
    const error = await failureOf(harness.client.comment('CASE-1', 'hello'));

    expect(error.code).toBe('coralogix_unavailable');
    expect(retryLogs(harness.logs).map((l) => l.attempt)).toEqual([1, 2, 3]);
  });

  it('still retries an assignment after a timeout: assigning twice is assigning once', async () => {
    fake.failNext('POST /cases/assigned/v1', { kind: 'applied-late', delayMs: 300 });
    const got = await clientFor(fake, { timeoutMs: 100 }).client.assign('CASE-1', aliceId);

    expect(got.assignee?.userId).toBe(aliceId);
    expect(fake.requests).toHaveLength(2);
  });
});

describe('Coralogix call observer', () => {
  it('sees every attempt with its endpoint template and status', async () => {
    fake.failNext('GET /cases/cases/v1', { status: 503 });
    const harness = clientFor(fake);
    await harness.client.getCase('CASE-1');

    expect(harness.calls).toEqual([
      { endpoint: 'GET /cases/cases/v1/{id}', status: 503, durationMs: expect.any(Number) },
      { endpoint: 'GET /cases/cases/v1/{id}', status: 200, durationMs: expect.any(Number) },
    ]);
  });

  it('marks an attempt without an answer as an error', async () => {
    fake.failNext('GET /cases/cases/v1', { kind: 'hangup' }, 10);
    const harness = clientFor(fake, { retries: 0 });
    await failureOf(harness.client.getCase('CASE-1'));

    expect(harness.calls).toEqual([
      { endpoint: 'GET /cases/cases/v1/{id}', status: 'error', durationMs: expect.any(Number) },
    ]);
  });

  it('logs each call at debug level', async () => {
    const harness = clientFor(fake);
    await harness.client.teammates();

    expect(harness.logs).toContainEqual(
      expect.objectContaining({
        level: 20,
        endpoint: 'GET /api/v1/user/team/teammates',
        status: 200,
        msg: 'Coralogix call',
      }),
    );
  });
});
