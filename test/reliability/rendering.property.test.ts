import fc from 'fast-check';
import { renderCase, type CaseView } from '../../src/blocks/case-message';
import { renderPicker, renderUsage } from '../../src/blocks/notice';
import { caseEnvelopeSchema } from '../../src/coralogix/schemas';
import { AppError, type ErrorCode } from '../../src/errors';
import { describeError } from '../../src/messages/describe-error';
import type { Person } from '../../src/users/person';
import { changesBetween, describeChanges } from '../../src/webhooks/case-changes';
import { blockKitViolations } from '../support/block-kit-limits';
import { hostileString } from './generators';
import { foreignMarkup } from './observe';
import { record, writeRecords } from './record';

const RUNS = 400;
const SEED = 424242;
afterAll(writeRecords);

/** Anything JSON can hold, for fields that arrive with the wrong type. */
const wrongType = fc.oneof(
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.object({ maxDepth: 1 }),
);
/** A field that may be missing, hostile, or of the wrong type. */
const field = <T>(right: fc.Arbitrary<T>) => fc.option(fc.oneof(right, hostileString, wrongType), { nil: undefined });
const enumOf = (...values: string[]) => field(fc.constantFrom(...values));
const list = <T>(item: fc.Arbitrary<T>) => field(fc.array(item, { maxLength: 80 }));
const kv = fc.record({ key: field(hostileString), value: field(hostileString) }, { requiredKeys: [] });
/** Dates since 1970: Slack's date token takes a Unix time, and Coralogix has no older cases. */
const date = fc.date({ min: new Date(0), max: new Date('2200-01-01'), noInvalidDate: true });
const isoDate = date.map((d) => d.toISOString());

const rawCase = fc.record(
  {
    id: fc.oneof(fc.uuid(), hostileString, wrongType),
    readableId: field(fc.constant('CASE-77')),
    title: field(hostileString),
    status: enumOf(
      'CASE_STATUS_ACTIVE',
      'CASE_STATUS_ACKNOWLEDGED',
      'CASE_STATUS_RESOLVED',
      'CASE_STATUS_CLOSED',
      'CASE_STATUS_NEW_THING',
    ),
    priority: enumOf('CASE_PRIORITY_P1', 'CASE_PRIORITY_P5', 'CASE_PRIORITY_UNSPECIFIED'),
    priorityDetails: field(
      fc.record({ system: field(fc.constant('CASE_PRIORITY_P3')), override: field(fc.constant('CASE_PRIORITY_P1')) }),
    ),
    category: enumOf('CASE_CATEGORY_SECURITY', 'CASE_CATEGORY_AVAILABILITY'),
    assignee: field(fc.record({ userId: field(fc.uuid()) })),
    createTime: field(isoDate),
    updateTime: field(isoDate),
    acknowledgeTime: field(isoDate),
    labels: list(kv),
    groupings: list(kv),
    impactedEntities: list(
      fc.record({ apmService: field(fc.record({ name: field(hostileString), language: field(hostileString) })) }),
    ),
    caseIndicators: field(
      fc.record({
        alertIndicators: list(
          fc.record({
            state: field(hostileString),
            priority: field(hostileString),
            permutations: list(
              fc.record({ permutation: field(fc.dictionary(hostileString, hostileString, { maxKeys: 5 })) }),
            ),
          }),
        ),
        prometheusAlertIndicators: list(fc.record({ alerts: list(fc.record({ alertName: field(hostileString) })) })),
      }),
    ),
    kpiBreaches: field(
      fc.record({
        breachedKpis: list(fc.record({ kpiType: field(hostileString), breachStatus: field(hostileString) })),
      }),
    ),
    resolutionDetails: field(fc.record({ reason: field(hostileString), resolveTime: field(isoDate) })),
    aiSummary: field(hostileString),
  },
  { requiredKeys: [] },
);

/** Slack ids the app found itself; whatever Coralogix sends about people is hostile text. */
const SLACK_IDS = ['U0001', 'U0002', 'W0ABCDEF1'];
const person: fc.Arbitrary<Person> = fc.oneof(
  fc.record({ kind: fc.constant('slack' as const), slackUserId: fc.constantFrom(...SLACK_IDS) }),
  fc.record({
    kind: fc.constant('coralogix' as const),
    coralogixUserId: hostileString,
    name: fc.option(hostileString, { nil: undefined }),
    email: fc.option(hostileString, { nil: undefined }),
  }),
);
/** Deep links come from Coralogix: its own host with any path, or something that is no https link at all. */
const link = fc.option(
  fc.oneof(
    hostileString.map((p) => `https://team.app.eu2.coralogix.com/#/cases/${p}`),
    fc.constantFrom('javascript:alert(1)', 'http://', 'not a url', 'https://x.coralogix.com/a|b<c>d&e'),
  ),
  { nil: undefined },
);
const action = fc.option(
  fc.record({
    verb: fc.constantFrom('assigned' as const, 'unassigned' as const, 'acknowledged' as const),
    actorSlackId: fc.constantFrom(...SLACK_IDS),
    target: fc.option(person, { nil: undefined }),
    at: fc.oneof(date, fc.constant(new Date(NaN))),
  }),
  { nil: undefined },
);

describe('rendering with anything Coralogix could send', () => {
  it('renders every case that parses within Block Kit limits, with no markup from its fields', () => {
    const seen = { rendered: 0, refusedBySchema: 0 };
    fc.assert(
      fc.property(
        rawCase,
        fc.option(person, { nil: undefined }),
        link,
        action,
        fc.option(hostileString, { nil: undefined }),
        (raw, assignee, url, last, note) => {
          const parsed = caseEnvelopeSchema.safeParse({ case: raw });
          if (!parsed.success) {
            // Only a case without a usable id is refused; anything else is shown as well as it can be.
            expect(typeof raw.id === 'string' && raw.id.length > 0).toBe(false);
            seen.refusedBySchema += 1;
            return;
          }
          const view: CaseView = { case: parsed.data.case, assignee, link: url, lastAction: last, note };
          const message = renderCase(view);
          expect(blockKitViolations(message)).toEqual([]);
          expect(foreignMarkup(message, SLACK_IDS)).toEqual([]);
          seen.rendered += 1;
        },
      ),
      { numRuns: RUNS, seed: SEED },
    );
    record('inputs', { generator: 'random case JSON → schema → renderCase', runs: RUNS, seed: SEED, ...seen });
  });

  it('describes every failure within limits, whatever its details hold', () => {
    const codes: ErrorCode[] = [
      'usage',
      'bad_case_id',
      'case_not_found',
      'case_closed',
      'user_not_mapped',
      'foreign_workspace',
      'coralogix_unauthorized',
      'coralogix_forbidden',
      'coralogix_rejected',
      'coralogix_unavailable',
      'coralogix_bad_response',
      'slack_failed',
      'internal',
    ];
    const details = fc.record(
      {
        caseId: hostileString,
        email: hostileString,
        permission: hostileString,
        slackUserId: hostileString,
        role: fc.constantFrom('actor' as const, 'target' as const),
        reason: fc.constantFrom(
          'no_email' as const,
          'no_team_member' as const,
          'inactive' as const,
          'not_found' as const,
        ),
        retryAfter: fc.oneof(fc.integer(), fc.double()),
        caseStatus: hostileString,
        hint: hostileString,
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.constantFrom(...codes), hostileString, details, (code, message, d) => {
        const answer = describeError(new AppError(code, message, d), 'ABCD1234');
        expect(blockKitViolations(answer)).toEqual([]);
        // Naming a person Slack found (a known user) is the app's doing; any other mention is not.
        const named = d.reason !== 'not_found' && d.slackUserId ? [d.slackUserId] : [];
        expect(foreignMarkup(answer, named)).toEqual([]);
      }),
      { numRuns: RUNS, seed: SEED },
    );
    record('inputs', { generator: 'random AppError → describeError', runs: RUNS, seed: SEED });
  });

  it('renders usage, the person picker and a notification thread line within limits', () => {
    fc.assert(
      fc.property(hostileString, hostileString, rawCase, rawCase, (problem, caseId, before, after) => {
        for (const m of [renderUsage(problem), renderPicker(caseId, problem)]) {
          expect(blockKitViolations(m)).toEqual([]);
          expect(foreignMarkup(m, [])).toEqual([]);
        }
        const a = caseEnvelopeSchema.safeParse({ case: { ...before, id: 'x' } });
        const b = caseEnvelopeSchema.safeParse({ case: { ...after, id: 'x' } });
        if (!a.success || !b.success) return;
        const snap = (c: typeof a.data.case) => ({
          status: c.status,
          priority: c.priority,
          title: c.title,
          ...(c.assignee?.userId ? { assigneeUserId: c.assignee.userId } : {}),
        });
        const text = describeChanges(changesBetween(snap(a.data.case), snap(b.data.case)), undefined);
        expect(foreignMarkup({ text }, [])).toEqual([]);
      }),
      { numRuns: RUNS, seed: SEED },
    );
    record('inputs', {
      generator: 'random text → usage, picker; random case pairs → thread line',
      runs: RUNS,
      seed: SEED,
    });
  });
});
