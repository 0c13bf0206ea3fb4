import { DEFAULT_RETRY } from '../../src/coralogix/retry';
import type { FakeCase, Fault } from '../fakes/coralogix-server';
import { blockKitViolations } from '../support/block-kit-limits';
import { PEOPLE, startHarness, type Harness } from '../support/harness';
import { KNOWN_USERS, errorLinesAbout, foreignMarkup, isPrivate, refIn } from './observe';
import { record, writeRecords } from './record';
import { COMMAND, RELIABILITY_ENV, WEBHOOK, freshCase, type Attempt, type Surface } from './surfaces';

/** Every attempt the client makes before it gives up: a fault this many times outlasts the retries. */
const ATTEMPTS = DEFAULT_RETRY.retries + 1;
const HTML = '<html><head><title>502 Bad Gateway</title></head><body><center>nginx</center></body></html>';
const json = { 'content-type': 'application/json' };

/** What design §9 promises for the fault: done anyway, "nothing changed, try again", or "went wrong (ref)". */
type Promise9 = 'done' | 'nothing changed' | 'went wrong';

const FAULTS: Array<[name: string, fault: Fault, times: number, promise: Promise9]> = [
  ['timeout', { kind: 'timeout' }, ATTEMPTS, 'nothing changed'],
  ['connection reset (hang-up)', { kind: 'hangup' }, ATTEMPTS, 'nothing changed'],
  [
    '429 without Retry-After',
    { status: 429, body: { code: 429, message: 'Too Many Requests' } },
    ATTEMPTS,
    'nothing changed',
  ],
  ['429 with Retry-After: 1, twice', { status: 429, body: 'slow down', headers: { 'retry-after': '1' } }, 2, 'done'],
  [
    '429 with Retry-After: 30',
    { status: 429, body: 'slow down', headers: { 'retry-after': '30' } },
    1,
    'nothing changed',
  ],
  ['500', { status: 500, body: { code: 500, message: 'internal error' } }, ATTEMPTS, 'nothing changed'],
  ['502', { status: 502, body: 'upstream connect error' }, ATTEMPTS, 'nothing changed'],
  ['503', { status: 503, body: { code: 503, message: 'unavailable' } }, ATTEMPTS, 'nothing changed'],
  ['503 once, then fine', { status: 503, body: 'unavailable' }, 1, 'done'],
  ['malformed JSON (200)', { status: 200, body: '{"case": {"id": ', headers: json }, 1, 'went wrong'],
  [
    'HTML error page (502)',
    { status: 502, body: HTML, headers: { 'content-type': 'text/html' } },
    ATTEMPTS,
    'nothing changed',
  ],
  [
    'HTML page with 200 (a proxy)',
    { status: 200, body: HTML, headers: { 'content-type': 'text/html' } },
    1,
    'went wrong',
  ],
  ['200 of unexpected shape', { status: 200, body: { result: { ok: true } } }, 1, 'went wrong'],
  ['change made, answer lost', { kind: 'applied-then-hangup' }, ATTEMPTS, 'done'],
  ['change made after the client gave up', { kind: 'applied-late', delayMs: 400 }, ATTEMPTS, 'done'],
];

/** A notification only reads, so a lost answer to its read is an ordinary failed read. */
const WEBHOOK_PROMISE = (p: Promise9, name: string): Promise9 =>
  name.startsWith('change made') ? 'nothing changed' : p;

let h: Harness;

/**
 * The fault matrix for one surface, on a harness of its own: each surface is a test file, so the
 * three run side by side (most of their time is spent waiting out timeouts and Retry-After).
 */
export function coralogixFaultMatrix(surface: Surface): void {
  const table = `coralogix-faults-${surface.name}`;
  beforeAll(async () => {
    h = await startHarness({ env: RELIABILITY_ENV });
  });
  afterAll(async () => {
    await h.close();
    writeRecords();
  });

  describe(`${surface.name} against a failing Coralogix`, () => {
    it.each(FAULTS)(
      '%s: answers as promised, reports what Coralogix took, serves the next',
      async (name, fault, times, p) => {
        const promise = surface === WEBHOOK ? WEBHOOK_PROMISE(p, name) : p;
        const c = freshCase(h);
        h.coralogix.failNext(surface.route(c), fault, times);

        const attempt = await surface.act(h, c);
        const outcome =
          surface === WEBHOOK ? expectWebhookAnswer(attempt, promise) : expectSlackAnswer(attempt, promise);
        // Nothing Coralogix took goes unreported: Slack shows it, or an error line names the case.
        if (surface.changed(c))
          expect(surface.shown(h, attempt, c) || errorLinesAbout(h, c.readableId!).length > 0).toBe(true);
        if (promise === 'nothing changed') expect(surface.changed(c)).toBe(false);

        // The fault is used up: trying again goes through, so nothing was left stuck; a new case too.
        if (promise !== 'done') await expectDone(surface, c);
        await expectDone(surface, freshCase(h));
        record(table, { surface: surface.name, fault: name, times, promise, outcome, nextServed: true });
      },
    );
  });
  if (surface === COMMAND) lostAnswerUnreadable(table);
}

function lostAnswerUnreadable(table: string): void {
  describe('a command whose change Coralogix made but whose answer was lost', () => {
    it('says the change may have been made, with a ref the error log shares, when the case cannot be read either', async () => {
      const c = freshCase(h);
      h.coralogix.failNext(COMMAND.route(c), { kind: 'applied-then-hangup' }, ATTEMPTS);
      h.coralogix.failNext(new RegExp(`^GET /cases/cases/v1/${c.readableId}$`), { kind: 'hangup' }, ATTEMPTS);

      const attempt = await COMMAND.act(h, c);
      const outcome = expectSlackAnswer(attempt, 'went wrong');
      expect(JSON.stringify(attempt.answers[0])).toContain('may not have been made');
      expect(COMMAND.changed(c)).toBe(true);
      expect(errorLinesAbout(h, c.readableId!).length).toBeGreaterThan(0);
      await expectDone(COMMAND, c);
      record(table, {
        surface: 'command',
        fault: 'change made, answer lost, case unreadable',
        times: ATTEMPTS,
        promise: 'went wrong',
        outcome,
        nextServed: true,
      });
    });
  });
}

async function expectDone(surface: Surface, c: FakeCase): Promise<void> {
  const a = await surface.act(h, c);
  if (surface === WEBHOOK) expect(a.body).toMatchObject({ ok: true, action: 'posted' });
  else expect(a.answers.map((m) => isPrivate(m))).toEqual([false]);
  if (surface !== WEBHOOK) expect(surface.changed(c)).toBe(true);
}

/** A Slack user gets exactly one answer, private unless the action was done, valid and free of input markup. */
function expectSlackAnswer(a: Attempt, promise: Promise9): string {
  expect(a.status).toBe(200);
  expect(a.answers).toHaveLength(1);
  const [answer] = a.answers;
  expect(blockKitViolations(answer)).toEqual([]);
  expect(foreignMarkup(answer, [PEOPLE.alice.slack, ...KNOWN_USERS])).toEqual([]);
  const text = JSON.stringify(answer);
  if (promise === 'done') {
    expect(isPrivate(answer)).toBe(false);
    return answer.replace_original ? 'message replaced' : 'summary in channel';
  }
  expect(isPrivate(answer)).toBe(true);
  if (promise === 'nothing changed') {
    expect(text).toContain('Nothing was changed');
    expect(text).toMatch(/Try again/);
    return /Try again in \d+ second/.exec(text)?.[0] ?? 'private: nothing changed, try again';
  }
  const ref = refIn(answer);
  expect(text).toContain(`Something went wrong (ref ${ref})`);
  expect(h.logs.some((l) => l.ref === ref && Number(l.level) >= 50)).toBe(true);
  return 'private: went wrong, ref logged';
}

/** Coralogix's Notification Center is told to retry (503) or that something is off (502); Slack gets nothing. */
function expectWebhookAnswer(a: Attempt, promise: Promise9): string {
  if (promise === 'done') {
    expect(a.status).toBe(200);
    expect(a.body).toMatchObject({ ok: true, action: 'posted' });
    return '200 posted';
  }
  expect(a.status).toBe(promise === 'nothing changed' ? 503 : 502);
  expect(a.body).toMatchObject({ ok: false, error: expect.any(String) });
  return `${a.status} ${String(a.body.error)}`;
}
