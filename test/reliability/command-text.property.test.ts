import fc from 'fast-check';
import { parseCommand } from '../../src/cases/grammar';
import { isAppError } from '../../src/errors';
import { answerFor } from '../../src/listeners/answer-error';
import { blockKitViolations } from '../support/block-kit-limits';
import { PEOPLE, startHarness, type Harness } from '../support/harness';
import { commandText } from './generators';
import { KNOWN_USERS, answersTo, foreignMarkup, refusedAt } from './observe';
import { record, writeRecords } from './record';
import { RELIABILITY_ENV } from './surfaces';

const PARSER_RUNS = 3_000;
const HTTP_RUNS = 600;
const SEED = 20260922;

describe('parseCommand with any text', () => {
  it('returns help or an assignment of a valid id, or refuses with a usage answer that holds', () => {
    const seen = { help: 0, assign: 0, refused: 0 };
    fc.assert(
      fc.property(commandText, (text) => {
        let parsed;
        try {
          parsed = parseCommand(text);
        } catch (e) {
          // The only way to fail is a usage or bad id answer, and that answer is valid and inert.
          expect(isAppError(e) && ['usage', 'bad_case_id'].includes(e.code)).toBe(true);
          if (!isAppError(e)) return;
          const answer = answerFor(e, 'ABCD1234');
          expect(blockKitViolations(answer)).toEqual([]);
          expect(foreignMarkup(answer, [])).toEqual([]);
          seen.refused += 1;
          return;
        }
        seen[parsed.kind] += 1;
        if (parsed.kind === 'help') return;
        expect(parsed.caseId).toMatch(
          /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[A-Z]+-[0-9]+)$/,
        );
        expect(parsed.caseId.length).toBeLessThanOrEqual(64);
        if (parsed.target.kind === 'user') expect(parsed.target.slackUserId).toMatch(/^[^|>]+$/);
      }),
      { numRuns: PARSER_RUNS, seed: SEED },
    );
    expect(seen.assign).toBeGreaterThan(0);
    expect(seen.refused).toBeGreaterThan(0);
    record('inputs', { generator: 'command text → parseCommand', runs: PARSER_RUNS, seed: SEED, ...seen });
  });
});

describe('/case-assign with any text, over HTTP', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ env: RELIABILITY_ENV });
  });
  afterAll(async () => {
    await h.close();
    writeRecords();
  });

  it('always answers exactly once, with valid blocks and no markup taken from the input, and keeps serving', async () => {
    const sent: Array<{ url: string; inAck: boolean }> = [];
    // Work after the ack ends in one of these lines, about the case; an answer in the ack names none.
    const ends = () =>
      h.logs.filter((l) => l.caseId !== undefined && (l.msg === 'command handled' || l.msg === 'command failed'))
        .length;
    const inviters = [PEOPLE.alice.slack, PEOPLE.bob.slack, PEOPLE.dave.slack];
    await fc.assert(
      fc.asyncProperty(
        commandText,
        fc.constantFrom(...inviters),
        fc.string({ maxLength: 40 }),
        async (text, user, channelName) => {
          const before = ends();
          const res = await h.command(text, { user_id: user, channel_name: channelName });
          expect(res.status).toBe(200);
          const inAck = res.text !== '';
          sent.push({ url: res.responseUrl, inAck });
          // Either the ack is the answer, or the work after it ends with one answer on the response_url.
          const answer = inAck
            ? res.json
            : await h.slack.waitFor(() => ends() > before && answersTo(h, res.responseUrl)[0]);
          expect(blockKitViolations(answer)).toEqual([]);
          expect(foreignMarkup(answer, [user, ...KNOWN_USERS])).toEqual([]);
        },
      ),
      { numRuns: HTTP_RUNS, seed: SEED },
    );

    // Every piece of work has ended; now count: one answer per command, never two, never a refused one.
    await h.slack.waitFor(() => ends() === sent.filter((s) => !s.inAck).length);
    const counts = sent.map((s) => (s.inAck ? 1 : 0) + answersTo(h, s.url).length + refusedAt(h, s.url));
    expect(counts.filter((n) => n !== 1)).toEqual([]);
    expect(h.slack.calls.filter((c) => c.method.startsWith('chat.'))).toEqual([]);
    expect((await fetch(`${h.url}/healthz`)).status).toBe(200);
    const next = await h.command('CASE-123 me');
    await h.slack.waitFor(() => answersTo(h, next.responseUrl)[0]?.response_type === 'in_channel');
    record('inputs', {
      generator: 'command text → POST /slack/events',
      runs: HTTP_RUNS,
      seed: SEED,
      answeredInAck: sent.filter((s) => s.inAck).length,
      answeredOnResponseUrl: sent.filter((s) => !s.inAck).length,
      answeredExactlyOnce: counts.filter((n) => n === 1).length,
    });
  });
});
