import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeCoralogix } from '../fakes/coralogix-server';
import { startFakeSlack } from '../fakes/slack-server';
import { startHarness, type Harness } from '../support/harness';
import { SIGNING_SECRET, sign, slashCommandBody } from '../support/slack-requests';

const isAssign = (r: { method: string; path: string }) => r.method === 'POST' && r.path.includes('/cases/assigned/');

describe('graceful shutdown, in process', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('finishes an assignment in flight before stop() resolves, and answers the user', async () => {
    h.coralogix.setDelay(300);
    const sent = await h.command('CASE-123 me');
    expect(sent.status).toBe(200);
    await h.slack.waitFor(() => h.coralogix.requests.some(isAssign));
    expect(h.slack.responses).toEqual([]);

    await h.app.stop();

    const summary = h.slack.responses.find((r) => sent.responseUrl.endsWith(r.id));
    expect(summary?.body).toMatchObject({ response_type: 'in_channel' });
    expect(h.coralogix.cases.get(h.case123.id)?.assignee).toBeDefined();
  });

  it('refuses with 503 a Slack request that arrives on a connection still open while draining', async () => {
    h.coralogix.setDelay(300);
    await h.command('CASE-123 me');
    await h.slack.waitFor(() => h.coralogix.requests.some(isAssign));
    // A client mid-request when shutdown begins: the connection is busy, so the server keeps it.
    const body = slashCommandBody({ text: 'CASE-123 me', response_url: h.slack.responseUrl('late') });
    const socket = connect(Number(new URL(h.url).port), '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    const headers = { ...sign(body, SIGNING_SECRET), host: 'localhost', 'content-length': String(body.length) };
    socket.write(
      `POST /slack/events HTTP/1.1\r\n${Object.entries(headers)
        .map(([k, v]) => `${k}: ${v}`)
        .join('\r\n')}\r\n\r\n`,
    );
    const answer = new Promise<string>((resolve) => {
      let text = '';
      socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
      socket.on('close', () => resolve(text));
    });

    const stopped = h.app.stop();
    socket.write(body);
    await stopped;

    expect(await answer).toMatch(/^HTTP\/1\.1 503/);
    expect(h.slack.responses.map((r) => r.id)).not.toContain('late');
  });
});

describe('graceful shutdown of the real process', () => {
  it('exits 0 on SIGTERM, after a last "stopped" log line', async () => {
    const slack = await startFakeSlack();
    const coralogix = await startFakeCoralogix({ apiKey: 'cxtp_process_test_key_77' });
    const dir = mkdtempSync(join(tmpdir(), 'case-assign-shutdown-'));
    const port = await freePort();
    try {
      const child = spawn(process.execPath, ['--require', 'tsx/cjs', 'src/index.ts'], {
        cwd: join(__dirname, '../..'),
        env: {
          PATH: process.env.PATH,
          SLACK_BOT_TOKEN: slack.botToken,
          SLACK_API_URL: slack.apiUrl,
          SLACK_SIGNING_SECRET: SIGNING_SECRET,
          CORALOGIX_API_KEY: coralogix.apiKey,
          CORALOGIX_API_URL: coralogix.origin,
          PORT: String(port),
          HOST: '127.0.0.1',
          DATABASE_PATH: join(dir, 'case-assign.db'),
          LOG_LEVEL: 'info',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

      await slack.waitFor(() => out.includes('case-assign serving'), 15_000);
      expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
      child.kill('SIGTERM');

      expect(await exited).toBe(0);
      const lines = out
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { msg: string; signal?: string });
      expect(lines.map((l) => l.msg).slice(-2)).toEqual([
        'stopping: no new work, finishing what is in flight',
        'stopped',
      ]);
      expect(lines.at(-2)?.signal).toBe('SIGTERM');
    } finally {
      await slack.close();
      await coralogix.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
