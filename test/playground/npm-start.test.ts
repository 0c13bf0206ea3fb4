import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ENTRY = join(__dirname, '..', '..', 'src', 'index.ts');
const TSX = require.resolve('tsx/cli');

/** A port that was free a moment ago. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * `npm start` as a fresh clone runs it: src/index.ts with only the given variables, from an empty
 * folder so no developer's .env is read. Stops it with SIGTERM once `until` shows in its output.
 */
function start(
  env: Record<string, string>,
  until?: { seen: RegExp; then: () => Promise<void> },
): Promise<{ code: number | null; out: string }> {
  const cwd = mkdtempSync(join(tmpdir(), 'fresh-clone-'));
  const child = spawn(process.execPath, [TSX, ENTRY], { cwd, env: { PATH: process.env.PATH ?? '', ...env } });
  let out = '';
  let seen = false;
  const read = (chunk: Buffer) => {
    out += chunk.toString('utf8');
    if (!until || seen || !until.seen.test(out)) return;
    seen = true;
    void until.then().finally(() => child.kill('SIGTERM'));
  };
  child.stdout.on('data', read);
  child.stderr.on('data', read);
  return new Promise((resolve) =>
    child.on('exit', (code) => {
      rmSync(cwd, { recursive: true, force: true });
      resolve({ code, out });
    }),
  );
}

test('with nothing configured, it says so and serves the playground page until stopped', async () => {
  const port = await freePort();
  let page = 0;
  const result = await start(
    { PORT: String(port) },
    {
      seen: /playground: open/,
      then: async () => {
        page = (await fetch(`http://127.0.0.1:${port}/`)).status;
      },
    },
  );
  expect(page).toBe(200);
  expect(result.out).toContain(
    `no Slack credentials: starting the local playground at http://localhost:${port}; set SLACK_BOT_TOKEN`,
  );
  expect(result.out).toContain(`open http://localhost:${port}`);
  expect(result.code).toBe(0);
});

test('with some settings but not all, it is a configuration error, never the playground', async () => {
  const result = await start({ SLACK_BOT_TOKEN: 'xoxb-1-half-configured' });
  expect(result.code).toBe(1);
  expect(result.out).toContain('Invalid configuration');
  expect(result.out).not.toContain('playground');
});
