import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SIGNING_SECRET } from '../test/support/slack-requests';
import { startProcess } from './child';
import { runLoad, type LoadResult } from './load';
import type { BenchOptions } from './options';
import { CORALOGIX_KEY, type World } from './world';

const ROOT = join(__dirname, '..');
/** Long enough for the JIT to settle before anything is measured. */
const WARMUP_SECONDS = 3;

export interface BaselineResult {
  load: LoadResult;
  peakRssMb: number;
}

export interface AppResult extends BaselineResult {
  /** When the fake Slack took each measured command's answer, by command number. */
  answeredAt: Map<number, { at: number; inChannel: boolean }>;
  coralogixRequests: World['coralogix']['requests'];
  slackCalls: World['slack']['calls'];
  rejectedAnswers: number;
  logFile: string;
}

const scratch = mkdtempSync(join(tmpdir(), 'case-assign-bench-'));

/** Bolt with one listener that only acknowledges, at the same rate: the floor for ack latency. */
export async function measureBareBolt(world: World, o: BenchOptions): Promise<BaselineResult> {
  const app = await startProcess({
    entry: join(__dirname, 'bare-bolt.ts'),
    args: ['{port}', SIGNING_SECRET],
    env: {},
    cwd: scratch,
    logFile: join(scratch, 'bare-bolt.log'),
  });
  const url = `http://127.0.0.1:${app.port}/slack/events`;
  const load = (seconds: number) =>
    runLoad({
      url,
      rate: o.rate,
      seconds,
      concurrency: o.concurrency,
      signingSecret: SIGNING_SECRET,
      body: (n) => world.command('base', n),
    });
  await load(WARMUP_SECONDS);
  const result = await load(o.duration);
  const peakRssMb = app.peakRssMb();
  await app.stop();
  return { load: result, peakRssMb };
}

/**
 * The real app, as `npm start` runs it. The caches are warmed first (every user acts once), then
 * the fakes' logs are cut, so what is counted is the steady state.
 */
export async function measureApp(world: World, o: BenchOptions): Promise<AppResult> {
  const logFile = join(scratch, 'case-assign.log');
  const app = await startProcess({
    entry: join(ROOT, 'src/index.ts'),
    env: {
      SLACK_BOT_TOKEN: world.slack.botToken,
      SLACK_API_URL: world.slack.apiUrl,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      CORALOGIX_API_KEY: CORALOGIX_KEY,
      CORALOGIX_API_URL: world.coralogix.origin,
      HOST: '127.0.0.1',
      DATABASE_PATH: join(scratch, 'case-assign.db'),
      LOG_LEVEL: 'info',
    },
    cwd: scratch,
    logFile,
    nodeArgs: o.heap > 0 ? [`--max-old-space-size=${o.heap}`] : [],
  });
  const url = `http://127.0.0.1:${app.port}/slack/events`;
  const load = (phase: string, rate: number, seconds: number) =>
    runLoad({
      url,
      rate,
      seconds,
      concurrency: o.concurrency,
      signingSecret: SIGNING_SECRET,
      body: (n) => world.command(phase, n),
    });

  const warm = await load('warm', o.rate, Math.max(WARMUP_SECONDS, o.users / o.rate));
  await world.slack.waitFor(() => answered(world, 'warm').size >= warm.sent.length, 30_000).catch(() => undefined);
  const marks = { cx: world.coralogix.requests.length, slack: world.slack.calls.length };

  const result = await load('run', o.rate, o.duration);
  // Let the last answers arrive: a command is done when its summary reached Slack.
  await world.slack.waitFor(() => answered(world, 'run').size >= result.sent.length, 15_000).catch(() => undefined);
  const peakRssMb = app.peakRssMb();
  await app.stop();
  return {
    load: result,
    peakRssMb,
    answeredAt: answered(world, 'run'),
    coralogixRequests: world.coralogix.requests.slice(marks.cx),
    slackCalls: world.slack.calls.slice(marks.slack),
    rejectedAnswers: world.slack.rejectedResponses.filter((r) => r.id.startsWith('run-')).length,
    logFile,
  };
}

function answered(world: World, phase: string): Map<number, { at: number; inChannel: boolean }> {
  const prefix = `${phase}-`;
  const found = new Map<number, { at: number; inChannel: boolean }>();
  for (const r of world.slack.responses) {
    if (!r.id.startsWith(prefix)) continue;
    const inChannel = (r.body as { response_type?: string }).response_type === 'in_channel';
    found.set(Number(r.id.slice(prefix.length)), { at: r.at, inChannel });
  }
  return found;
}
