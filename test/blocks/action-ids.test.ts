import {
  overflowValue,
  parseMoreAction,
  parseOverflowValue,
  parsePickBlockId,
  pickBlockId,
} from '../../src/blocks/action-ids';

const id = '3f166e9f-3c88-4af2-b52e-138f339dab3e';

describe('action ids', () => {
  it('round-trips the overflow value and the picker block id', () => {
    expect(parseOverflowValue(overflowValue('unassign', id))).toEqual({ op: 'unassign', caseId: id });
    expect(parsePickBlockId(pickBlockId('CASE-123'))).toBe('CASE-123');
  });

  it('refuses values it did not make', () => {
    expect(parseOverflowValue('delete:x')).toBeUndefined();
    expect(parseOverflowValue('unassign:')).toBeUndefined();
    expect(parsePickBlockId('case.actions')).toBeUndefined();
  });

  it('reads an unassign click from a button or an overflow option', () => {
    expect(parseMoreAction({ type: 'button', value: id })).toEqual({ op: 'unassign', caseId: id });
    expect(parseMoreAction({ type: 'overflow', selected_option: { value: `unassign:${id}` } })).toEqual({
      op: 'unassign',
      caseId: id,
    });
    expect(parseMoreAction({ type: 'overflow', selected_option: { value: 'other' } })).toBeUndefined();
    expect(parseMoreAction({ type: 'button' })).toBeUndefined();
    expect(parseMoreAction(null)).toBeUndefined();
  });
});
