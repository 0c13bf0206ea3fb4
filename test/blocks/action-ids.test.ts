import { parseMoreAction, parsePickBlockId, pickBlockId } from '../../src/blocks/action-ids';

const id = '3f166e9f-3c88-4af2-b52e-138f339dab3e';

describe('action ids', () => {
  it('round-trips the picker block id', () => {
    expect(parsePickBlockId(pickBlockId('CASE-123'))).toBe('CASE-123');
  });

  it('refuses block ids it did not make', () => {
    expect(parsePickBlockId('case.actions')).toBeUndefined();
    expect(parsePickBlockId('pick:')).toBeUndefined();
  });

  it('reads an unassign click from the button, and nothing else', () => {
    expect(parseMoreAction({ type: 'button', value: id })).toEqual({ op: 'unassign', caseId: id });
    expect(parseMoreAction({ type: 'overflow', selected_option: { value: `unassign:${id}` } })).toBeUndefined();
    expect(parseMoreAction({ type: 'button' })).toBeUndefined();
    expect(parseMoreAction(null)).toBeUndefined();
  });
});
