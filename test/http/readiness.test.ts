import { createServer } from 'node:net';
import { startHarness, type Harness } from '../support/harness';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const get = async (path: string) => {
  const res = await fetch(`${h!.url}${path}`);
  return { status: res.status, text: await res.text() };
};
const directoryReads = () => h!.coralogix.requests.filter((r) => r.path.includes('/teammates'));

describe('/healthz and /readyz', () => {
  it('is ready once the bot token and the Coralogix key were checked at boot', async () => {
    h = await startHarness();
    expect(await get('/readyz')).toEqual({ status: 200, text: 'ready' });
    expect(await get('/healthz')).toEqual({ status: 200, text: 'ok' });
    expect(h.slack.calls.map((c) => c.method)).toEqual(['auth.test']);
    expect(directoryReads()).toHaveLength(1);
  });

  it('warms the team directory at boot, so the first command reads no directory', async () => {
    h = await startHarness();
    const sent = await h.command('CASE-123 me');
    await h.slack.waitFor(() => h!.slack.responses.find((r) => sent.responseUrl.endsWith(r.id)));
    expect(directoryReads()).toHaveLength(1);
  });

  it('stays unready with the reason when Coralogix refuses the key, and logs it as an error', async () => {
    h = await startHarness({ env: { CORALOGIX_API_KEY: 'cxtp_a_key_coralogix_does_not_know' } });

    const ready = await get('/readyz');
    expect(ready.status).toBe(503);
    expect(ready.text).toContain('CORALOGIX_API_KEY');
    expect(ready.text).toContain('401');
    const errors = h.logs.filter((l) => l.level === 50 && l.check === 'coralogix_key');
    expect(errors.map((l) => l.msg)).toEqual([expect.stringContaining('Coralogix refused CORALOGIX_API_KEY (401)')]);
    // Alive, and still answering people: the key problem is explained to whoever tries.
    expect((await get('/healthz')).status).toBe(200);
    const sent = await h.command('CASE-123 me');
    const answer = await h.slack.waitFor(() => h!.slack.responses.find((r) => sent.responseUrl.endsWith(r.id)));
    expect(answer.body).toMatchObject({ response_type: 'ephemeral' });
  });

  it('is unready, naming why, while Coralogix cannot be reached', async () => {
    const closedPort = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    h = await startHarness({
      env: { CORALOGIX_API_URL: `http://127.0.0.1:${closedPort}`, CORALOGIX_TIMEOUT_MS: '500' },
    });
    const ready = await get('/readyz');
    expect(ready.status).toBe(503);
    expect(ready.text).toContain('Coralogix could not be reached');
  });
});
