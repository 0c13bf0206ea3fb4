/**
 * Every action id the app puts in a message, in one place: the renderer builds with these and the
 * listener registration routes by them, so the two cannot drift apart.
 */
export const ACTION = {
  assignToMe: 'case.assign_me',
  reassign: 'case.reassign',
  acknowledge: 'case.acknowledge',
  more: 'case.more',
  open: 'case.open',
  pickAssignee: 'case.pick_assignee',
} as const;

export type ActionId = (typeof ACTION)[keyof typeof ACTION];

const PICK_PREFIX = 'pick:';

/**
 * What a click on ACTION.more asks for. The message renders it as an "Unassign" button whose value
 * is the case id, like every case button. Undefined for anything else.
 */
export function parseMoreAction(action: unknown): { op: 'unassign'; caseId: string } | undefined {
  if (typeof action !== 'object' || action === null) return undefined;
  const { type, value } = action as { type?: unknown; value?: unknown };
  return type === 'button' && typeof value === 'string' && value ? { op: 'unassign', caseId: value } : undefined;
}

/**
 * The block of the user picker offered after a bare `@name`. A users_select has no `value`, so the
 * case it is about travels in its block_id.
 */
export function pickBlockId(caseId: string): string {
  return `${PICK_PREFIX}${caseId}`;
}

export function parsePickBlockId(blockId: string): string | undefined {
  const caseId = blockId.startsWith(PICK_PREFIX) ? blockId.slice(PICK_PREFIX.length) : '';
  return caseId || undefined;
}
