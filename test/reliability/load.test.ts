import type { FakeCase, Fault } from '../fakes/coralogix-server';
import type { WireJson } from '../fakes/slack-server';
import { blockKitViolations } from '../support/block-kit-limits';
import { PEOPLE, startHarness, type Harness } from '../support/harness';
import { answersTo, refusedAt, webApiPostsAbout } from './observe';
import { record, writeRecords } from './record';
import { RELIABILITY_ENV } from './surfaces';

const COMMANDS = 1_000;
const IN_FLIGHT = 50;
const FAULT_RATE = 0.1;
const SEED = 7;
/** Transient failures only: each is retried, and a change is never half made by one. */
const FAULTS: Fault[] = [
  { status: 503, body: { code: 503, message: 'unavailable' } },
  { status: 429, body: 'Too Many Requests' },
  { kind: 'hangup' },
  { status: 502, body: 'upstream connect error' },
  { kind: 'timeout' },
  { status: 500, body: { code: 500, message: 'internal' } },
];

/**
 * Who each command names, by its number: most go to a mapped person; some to people without a
 * Coralogix user, and some at closed cases, so that "nothing changed" answers are checked too.
 */
const PLAN = [
  { text: 'me', expect: PEOPLE.alice.cx },
  { text: `<@${PEOPLE.bob.slack}|bob>`, expect: PEOPLE.bob.cx },
  { text: '', expect: PEOPLE.alice.cx },
  { text: `<@${PEOPLE.bob.slack}>`, expect: PEOPLE.bob.cx },
  { text: `<@${PEOPLE.alice.slack}>`, expect: PEOPLE.alice.cx },
  { text: 'me', expect: PEOPLE.alice.cx },
  { text: `<@${PEOPLE.bob.slack}>`, expect: PEOPLE.bob.cx },
  { text: `<@${PEOPLE.dave.slack}>`, expect: undefined },
  { text: 'me', expect: undefined, closed: true },
  { text: `<@${PEOPLE.carol.slack}>`, expect: undefined },
] as const;

const CX_OF_SLACK = new Map<string, string>([
  [PEOPLE.alice.slack, PEOPLE.alice.cx],
  [PEOPLE.bob.slack, PEOPLE.bob.cx],
]);

let h: Harness;
beforeAll(async () => {
  // The production-like timeout: with 1 s, this one process (app and fakes) stalls past it under load,
  // and writes the app gave up on land after it looked (RELIABILITY.md, "What did not hold").
  h = await startHarness({ env: { ...RELIABILITY_ENV, CORALOGIX_TIMEOUT_MS: '4000', LOG_LEVEL: 'warn' } });
});
afterAll(async () => {
  await h.close();
  writeRecords();
});

interface Sent {
  c: FakeCase;
  responseUrl: string;
}

/** What the one answer says happened to the case: assigned to a Coralogix user, or not changed. */
function claimOf(answer: WireJson): { assignedTo?: string; nothingChanged: boolean; wentWrong: boolean } {
  const text = JSON.stringify(answer);
  if (answer?.response_type === 'in_channel') {
    const who = /Assigned to <@([^>|]+)>/.exec(String(answer.text))?.[1];
    return { assignedTo: who && CX_OF_SLACK.get(who), nothingChanged: false, wentWrong: false };
  }
  return { nothingChanged: text.includes('Nothing was changed'), wentWrong: text.includes('Something went wrong') };
}

it(`answers ${COMMANDS} commands, ${IN_FLIGHT} at a time, exactly once each, and Coralogix agrees with every answer`, async () => {
  const cases = Array.from({ length: COMMANDS }, (_, i) => {
    const plan = PLAN[i % PLAN.length]!;
    return h.coralogix.addCase({
      readableId: `LOAD-${i + 1}`,
      ...('closed' in plan ? { status: 'CASE_STATUS_CLOSED' } : {}),
    });
  });
  h.coralogix.failRandomly({ rate: FAULT_RATE, faults: FAULTS, seed: SEED });
  const started = performance.now();

  const sent: Sent[] = [];
  let next = 0;
  const worker = async () => {
    while (next < COMMANDS) {
      const i = next++;
      const c = cases[i]!;
      const res = await h.command(`${c.readableId} ${PLAN[i % PLAN.length]!.text}`.trim());
      expect(res.status).toBe(200);
      sent[i] = { c, responseUrl: res.responseUrl };
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  // LOG_LEVEL warn hides the info line that ends each command; wait for the answers instead. An answer
  // is the last thing a command sends, and a second one would show in the count below.
  await h.slack.waitFor(
    () => sent.every((s) => answersTo(h, s.responseUrl).length + refusedAt(h, s.responseUrl) > 0),
    60_000,
  );
  const wallMs = Math.round(performance.now() - started);
  h.coralogix.failRandomly({ rate: 0, faults: [] });

  const tally = { exactlyOnce: 0, assigned: 0, nothingChanged: 0, wentWrong: 0, mismatches: [] as string[] };
  sent.forEach(({ c, responseUrl }, i) => {
    const viaUrl = answersTo(h, responseUrl);
    const count = viaUrl.length + refusedAt(h, responseUrl) + webApiPostsAbout(h, c.readableId!).length;
    if (count === 1) tally.exactlyOnce += 1;
    const [answer] = viaUrl;
    expect(blockKitViolations(answer)).toEqual([]);
    const claim = claimOf(answer);
    const now = c.assignee?.userId;
    const plan = PLAN[i % PLAN.length]!;
    if (claim.assignedTo !== undefined) {
      tally.assigned += 1;
      if (now !== claim.assignedTo || now !== plan.expect)
        tally.mismatches.push(`${c.readableId}: says ${claim.assignedTo}, is ${now}`);
    } else if (claim.nothingChanged) {
      tally.nothingChanged += 1;
      if (now !== undefined) tally.mismatches.push(`${c.readableId}: says nothing changed, is assigned to ${now}`);
    } else if (claim.wentWrong) {
      tally.wentWrong += 1;
    } else {
      tally.mismatches.push(`${c.readableId}: unreadable answer ${JSON.stringify(answer).slice(0, 200)}`);
    }
  });

  expect(tally.exactlyOnce).toBe(COMMANDS);
  expect(tally.mismatches).toEqual([]);
  expect(h.coralogix.randomFaults()).toBeGreaterThan(0);
  expect(h.coralogix.violations).toEqual([]);
  expect((await fetch(`${h.url}/healthz`)).status).toBe(200);
  record('load', {
    commands: COMMANDS,
    inFlight: IN_FLIGHT,
    faultRate: FAULT_RATE,
    seed: SEED,
    coralogixRequests: h.coralogix.requests.length,
    faultsInjected: h.coralogix.randomFaults(),
    answeredExactlyOnce: tally.exactlyOnce,
    assigned: tally.assigned,
    nothingChanged: tally.nothingChanged,
    wentWrong: tally.wentWrong,
    mismatches: tally.mismatches.length,
    wallMs,
  });
});
