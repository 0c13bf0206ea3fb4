import { changesBetween, describeChanges } from '../../src/webhooks/case-changes';

const before = { status: 'CASE_STATUS_ACTIVE', priority: 'CASE_PRIORITY_P2', title: 'Checkout slow' };

describe('what changed between two notifications', () => {
  it('is nothing for the same case twice', () => {
    expect(changesBetween(before, { ...before })).toEqual([]);
  });

  it('names a person who is not in Slack by their Coralogix name', () => {
    const changes = changesBetween(before, { ...before, assigneeUserId: 'u-9' });
    const text = describeChanges(changes, { kind: 'coralogix', coralogixUserId: 'u-9', name: 'Zoë <Ops>' });
    expect(text).toBe('Assigned to Zoë &lt;Ops&gt;');
  });

  it('shows an unknown status from its own name', () => {
    const changes = changesBetween(before, { ...before, status: 'CASE_STATUS_SNOOZED' });
    expect(describeChanges(changes, undefined)).toBe('Status: Active → Snoozed');
  });

  it('does not call a title changed when the old snapshot kept none', () => {
    const untitled = { status: before.status, priority: before.priority };
    expect(changesBetween(untitled, { ...before, title: 'New' })).toEqual([]);
  });
});
