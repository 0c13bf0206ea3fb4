import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ACTION, parseMoreAction } from '../../src/blocks/action-ids';
import { renderCase } from '../../src/blocks/case-message';
import { caseEnvelopeSchema, caseSchema } from '../../src/coralogix/schemas';
import { blockKitViolations } from '../support/block-kit-limits';
import { buildCase } from '../support/case-builder';
import { actionIds, allStrings, elementsOf, visibleText } from './render-helpers';

const LINK = 'https://acme.app.eu2.coralogix.com/#/cases/3f166e9f-3c88-4af2-b52e-138f339dab3e';
const HOSTILE = ['<!channel>', '<@U123>', '<https://evil|x>', '<!here>'];
const bob = { kind: 'slack', slackUserId: 'UBOB' } as const;

function expectNoHostileMarkup(message: object) {
  for (const s of allStrings(message)) for (const h of HOSTILE) expect(s).not.toContain(h);
}

describe('renderCase', () => {
  it('shows the summary a responder needs, within every limit', () => {
    const message = renderCase({ case: buildCase(), link: LINK });
    expect(blockKitViolations(message)).toEqual([]);
    expect(message.blocks[0]).toMatchObject({ type: 'header', text: { text: 'High error rate on payments-api' } });
    const text = visibleText(message);
    for (const shown of [
      'CASE-123',
      'Active',
      'P2',
      'Availability',
      'Unassigned',
      'team: payments',
      'service: payments-api',
    ]) {
      expect(text).toContain(shown);
    }
    expect(text).toContain('service=payments-api, cluster=prod-eu');
    expect(text).toContain('Error ratio on payments-api rose above 5%');
    expect(text).toMatch(/<!date\^1790073000\^\{date_short_pretty\} \{time\}\|2026-09-22 10:30 UTC>/);
    expect(message.text).toBe('CASE-123 · P2 · Active · Unassigned — High error rate on payments-api');
  });

  it('offers assign, reassign, acknowledge and open on an active unassigned case, but not unassign', () => {
    const message = renderCase({ case: buildCase(), link: LINK });
    expect(actionIds(message)).toEqual([ACTION.assignToMe, ACTION.reassign, ACTION.acknowledge, ACTION.open]);
    const [assign, reassign, , open] = elementsOf(message);
    expect(assign).toMatchObject({ style: 'primary', value: buildCase().id, text: { text: 'Assign to me' } });
    expect(reassign).toMatchObject({ type: 'users_select', placeholder: { text: 'Reassign to…' } });
    expect(open).toMatchObject({ url: LINK, text: { text: 'Open in Coralogix' } });
  });

  it('offers unassign, behind a confirm dialog, once the case is assigned', () => {
    const c = buildCase({ assignee: { userId: '3af152ee-9eaf-4803-87f1-23c5fb2fbaa0' } });
    const message = renderCase({ case: c, assignee: bob });
    expect(blockKitViolations(message)).toEqual([]);
    expect(actionIds(message)).toEqual([ACTION.assignToMe, ACTION.reassign, ACTION.acknowledge, ACTION.more]);
    const unassign = elementsOf(message)[3];
    expect(unassign).toMatchObject({ text: { text: 'Unassign' }, confirm: { confirm: { text: 'Unassign' } } });
    expect(parseMoreAction(unassign)).toEqual({ op: 'unassign', caseId: c.id });
    expect(message.text).toContain('Assigned to <@UBOB>');
  });

  it('drops acknowledge once the case is acknowledged', () => {
    const c = buildCase({ status: 'CASE_STATUS_ACKNOWLEDGED', acknowledgeTime: '2026-09-22T10:41:03Z' });
    const message = renderCase({ case: c });
    expect(actionIds(message)).toEqual([ACTION.assignToMe, ACTION.reassign]);
    expect(visibleText(message)).toContain('*Acknowledged*\n<!date^');
  });

  it.each([
    ['CASE_STATUS_RESOLVED', 'This case is resolved; it can no longer be reassigned.'],
    ['CASE_STATUS_CLOSED', 'This case is closed; it can no longer be reassigned.'],
  ])('offers no actions on a %s case and says why', (status, line) => {
    const c = buildCase({
      status,
      resolutionDetails: { reason: 'Rolled back v1.42', resolveTime: '2026-09-22T11:15:00Z' },
    });
    const message = renderCase({ case: c, link: LINK, assignee: bob });
    expect(blockKitViolations(message)).toEqual([]);
    expect(actionIds(message)).toEqual([]);
    expect(message.blocks.some((b) => b.type === 'actions')).toBe(false);
    expect(visibleText(message)).toContain(line);
    expect(visibleText(message)).toContain('Rolled back v1.42');
  });

  it('shows an override next to the system priority', () => {
    const c = buildCase({
      priority: 'CASE_PRIORITY_P2',
      priorityDetails: { system: 'CASE_PRIORITY_P3', override: 'CASE_PRIORITY_P2' },
    });
    expect(visibleText(renderCase({ case: c }))).toContain('P2 (override; system P3)');
  });

  it('says who did what last, with a date token', () => {
    const at = new Date('2026-09-22T10:45:00Z');
    const message = renderCase({
      case: buildCase(),
      lastAction: { verb: 'assigned', actorSlackId: 'UALICE', target: bob, at },
      note: 'Refreshed: <!channel> the case changed',
    });
    expect(blockKitViolations(message)).toEqual([]);
    const text = visibleText(message);
    expect(text).toContain(`Assigned to <@UBOB> by <@UALICE> · <!date^${at.getTime() / 1000}^`);
    expect(text).toContain('Refreshed: &lt;!channel&gt; the case changed');
  });

  it('names a Coralogix assignee with no Slack user by name and e-mail', () => {
    const jane = { kind: 'coralogix', coralogixUserId: 'u1', name: 'Jane <b>', email: 'jane@acme.io' } as const;
    expect(visibleText(renderCase({ case: buildCase(), assignee: jane }))).toContain('Jane &lt;b&gt; (jane@acme.io)');
  });

  it('keeps a 10,000-character title within the header and the fallback', () => {
    const message = renderCase({ case: buildCase({ title: 'T'.repeat(10_000) }) });
    expect(blockKitViolations(message)).toEqual([]);
    expect(message.blocks[0]).toMatchObject({ text: { text: `${'T'.repeat(149)}…` } });
    expect(message.text.length).toBeLessThan(400);
  });

  it('fits 200 labels of 2,000 characters and says how many more there are', () => {
    const labels = Array.from({ length: 200 }, (_, i) => ({ key: `k${i}`, value: 'v'.repeat(2000) }));
    const message = renderCase({ case: buildCase({ labels, groupings: labels }), link: LINK });
    expect(blockKitViolations(message)).toEqual([]);
    expect(visibleText(message)).toMatch(/…and 19\d more/);
  });

  it('never lets a title, label or summary mention anyone or forge a link', () => {
    const evil = HOSTILE.join(' & ');
    const c = buildCase({
      title: evil,
      readableId: evil,
      labels: [{ key: evil, value: evil }],
      groupings: [{ key: 'g', value: evil }],
      aiSummary: evil.repeat(500),
      impactedEntities: [{ apmService: { name: evil } }],
    });
    const message = renderCase({ case: c, note: evil, link: LINK });
    expect(blockKitViolations(message)).toEqual([]);
    expectNoHostileMarkup(message);
    expect(message.blocks[0]).toMatchObject({
      text: { text: expect.stringContaining('&lt;!channel&gt; &amp; &lt;@U123&gt;') },
    });
    expect(visibleText(message)).toContain(`…(cut; <${LINK}|full text in Coralogix>)`);
  });

  it('renders a case with every optional field absent', () => {
    const message = renderCase({ case: caseSchema.parse({ id: 'x' }) });
    expect(blockKitViolations(message)).toEqual([]);
    expect(message.blocks[0]).toMatchObject({ text: { text: 'Case x' } });
    expect(message.text).toBe('x · Unknown · Unknown · Unassigned');
    expect(actionIds(message)).toEqual([ACTION.assignToMe, ACTION.reassign]);
  });

  it('shows unknown enum values in words rather than hiding them', () => {
    const c = buildCase({
      status: 'CASE_STATUS_SNOOZED',
      priority: 'CASE_PRIORITY_P9',
      category: 'CASE_CATEGORY_COST',
    });
    const text = visibleText(renderCase({ case: c }));
    expect(text).toContain('*Status*\nSnoozed');
    expect(text).toContain('*Category*\nCost');
  });

  it('renders the Coralogix docs example case', () => {
    const raw: unknown = JSON.parse(
      readFileSync(join(__dirname, '../fixtures/coralogix-example-assign-response.json'), 'utf8'),
    );
    const c = caseEnvelopeSchema.parse(raw).case;
    const message = renderCase({ case: c, link: LINK });
    expect(blockKitViolations(message)).toEqual([]);
    const text = visibleText(message);
    expect(message.blocks[0]).toMatchObject({ text: { text: 'Database outage investigation' } });
    for (const shown of [
      'CASE-123',
      'database orders-db (postgresql)',
      'Prometheus: HighRequestLatency',
      '&lt;string&gt;',
    ]) {
      expect(text).toContain(shown);
    }
    expect(actionIds(message)).toContain(ACTION.more);
  });

  it('ignores a deep link that is not http(s)', () => {
    const message = renderCase({ case: buildCase(), link: 'javascript:alert(1)' });
    expect(actionIds(message)).not.toContain(ACTION.open);
  });

  it('changes block ids when the case changes, so the reassign picker resets', () => {
    const before = renderCase({ case: buildCase() });
    const after = renderCase({ case: buildCase({ updateTime: '2026-09-22T10:50:00Z' }) });
    expect(before.blocks.map((b) => b.block_id)).not.toEqual(after.blocks.map((b) => b.block_id));
    expect(renderCase({ case: buildCase() })).toEqual(before);
  });
});
