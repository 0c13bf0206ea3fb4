import { readFileSync } from 'node:fs';
import type { BenchOptions } from './options';
import type { AppResult, BaselineResult } from './phases';
import { countBy, perCommand, spread, type Spread } from './stats';

export interface BenchReport {
  options: BenchOptions;
  baseline: { ackMs: Spread; peakRssMb: number; errors: number };
  app: {
    ackMs: Spread;
    endToEndMs: Spread;
    /** End to end minus the injected upstream wait: two sequential Coralogix round trips per command. */
    addedMs: Spread;
    ackP99VsBaseline: number;
    commandsPerSecond: number;
    sent: number;
    dropped: number;
    errors: { ack: number; unanswered: number; errorAnswers: number; rejectedAnswers: number; errorLogLines: number };
    peakRssMb: number;
    coralogixPerCommand: Record<string, number>;
    deepLinksPerCase: number;
    slackPerCommand: Record<string, number>;
  };
}

/** Assignment, then deep link and timeline note side by side: two round trips of the injected delay. */
const SEQUENTIAL_CORALOGIX_TRIPS = 2;

function coralogixKind(r: { method: string; path: string }): string {
  if (r.path.includes('/teammates')) return 'directory';
  if (r.path.includes('/deep-links')) return 'deep_link';
  if (r.path.includes('/comments')) return 'timeline_note';
  if (r.method === 'POST' && r.path.includes('/cases/assigned/')) return 'assign';
  if (r.method === 'GET' && r.path.includes('/cases/cases/')) return 'get_case';
  return `${r.method} ${r.path}`;
}

export function buildReport(o: BenchOptions, base: BaselineResult, app: AppResult): BenchReport {
  const acked = (l: BaselineResult['load']) => l.sent.filter((s) => s.status === 200 && s.ackMs !== undefined);
  const baseAck = spread(acked(base.load).map((s) => s.ackMs!));
  const appAck = spread(acked(app.load).map((s) => s.ackMs!));
  const e2e = app.load.sent.flatMap((s) => {
    const answer = app.answeredAt.get(s.n);
    return answer?.inChannel ? [answer.at - s.sentAt] : [];
  });
  const summaries = e2e.length;
  const byKind = countBy(app.coralogixRequests, coralogixKind);
  const slackCalls = { ...countBy(app.slackCalls, (c) => c.method), response_url: app.answeredAt.size };
  const errorLogLines = readFileSync(app.logFile, 'utf8')
    .split('\n')
    .filter((l) => /"level":(50|60)/.test(l)).length;
  return {
    options: o,
    baseline: { ackMs: baseAck, peakRssMb: base.peakRssMb, errors: base.load.sent.length - baseAck.count },
    app: {
      ackMs: appAck,
      endToEndMs: spread(e2e),
      addedMs: spread(e2e.map((ms) => ms - SEQUENTIAL_CORALOGIX_TRIPS * o.delay)),
      ackP99VsBaseline: Math.round((appAck.p99 / baseAck.p99) * 100) / 100,
      commandsPerSecond: Math.round((summaries / app.load.seconds) * 10) / 10,
      sent: app.load.sent.length,
      dropped: app.load.dropped,
      errors: {
        ack: app.load.sent.length - appAck.count,
        unanswered: app.load.sent.length - app.answeredAt.size,
        errorAnswers: app.answeredAt.size - summaries,
        rejectedAnswers: app.rejectedAnswers,
        errorLogLines,
      },
      peakRssMb: app.peakRssMb,
      coralogixPerCommand: perCommand(byKind, app.load.sent.length),
      deepLinksPerCase: Math.round(((byKind.deep_link ?? 0) / Math.min(o.cases, app.load.sent.length)) * 100) / 100,
      slackPerCommand: perCommand(slackCalls, app.load.sent.length),
    },
  };
}

export function table(r: BenchReport): string {
  const { app, baseline: base, options: o } = r;
  const ms = (s: Spread, keys: Array<keyof Spread> = ['p50', 'p99', 'max']) => keys.map((k) => s[k]).join(' / ');
  const errors = Object.values(app.errors).reduce((a, b) => a + b, 0) + app.dropped;
  const kv = (m: Record<string, number>) =>
    Object.entries(m)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
  const rows: Array<[string, string]> = [
    [
      'load',
      `${o.rate}/s for ${o.duration} s, concurrency ${o.concurrency}, Coralogix delay ${o.delay} ms, ${o.cases} cases, ${o.users} users`,
    ],
    ['ack p50 / p99 / max (ms)', `${ms(app.ackMs)}   (bare Bolt: ${ms(base.ackMs)})`],
    ['ack p99 vs bare Bolt', `${app.ackP99VsBaseline}×`],
    ['end to end p50 / p99 (ms)', ms(app.endToEndMs, ['p50', 'p99'])],
    [
      `added by the app p50 / p99 (ms)`,
      `${ms(app.addedMs, ['p50', 'p99'])}   (end to end − ${SEQUENTIAL_CORALOGIX_TRIPS} × ${o.delay} ms)`,
    ],
    ['throughput (summaries/s)', `${app.commandsPerSecond}   (${app.sent} sent, ${app.dropped} dropped)`],
    ['errors', errors === 0 ? '0' : `${errors}: ${kv({ ...app.errors, dropped: app.dropped })}`],
    ['peak RSS (MB)', `${app.peakRssMb}   (bare Bolt: ${base.peakRssMb})`],
    ['Coralogix calls per command', kv(app.coralogixPerCommand)],
    ['deep-link lookups per case', String(app.deepLinksPerCase)],
    ['Slack calls per command', kv(app.slackPerCommand)],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n');
}
