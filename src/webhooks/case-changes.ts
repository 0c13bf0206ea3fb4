import { priorityWords, statusWords } from '../blocks/case-words';
import { escapeMrkdwn } from '../blocks/mrkdwn';
import { personText } from '../blocks/person-text';
import type { Case } from '../coralogix/schemas';
import type { CaseSnapshot } from '../store/case-message-store';
import type { Person } from '../users/person';

/** What a reader of the thread cares about between two notifications of one case. */
export type CaseChange =
  | { kind: 'status'; from: string; to: string }
  | { kind: 'priority'; from: string; to: string }
  | { kind: 'assignee'; to?: string }
  | { kind: 'title' };

export function snapshotOf(c: Case): CaseSnapshot {
  return {
    status: c.status,
    priority: c.priority,
    ...(c.assignee?.userId ? { assigneeUserId: c.assignee.userId } : {}),
    title: c.title,
  };
}

/** Empty when nothing a reader would notice changed: that is how a redelivered event stays quiet. */
export function changesBetween(before: CaseSnapshot, after: CaseSnapshot): CaseChange[] {
  const changes: CaseChange[] = [];
  if (before.status !== after.status) changes.push({ kind: 'status', from: before.status, to: after.status });
  if (before.priority !== after.priority) changes.push({ kind: 'priority', from: before.priority, to: after.priority });
  if (before.assigneeUserId !== after.assigneeUserId) changes.push({ kind: 'assignee', to: after.assigneeUserId });
  // A snapshot without a title (written before titles were kept) is no evidence of a change.
  if (before.title !== undefined && before.title !== after.title) changes.push({ kind: 'title' });
  return changes;
}

/** One line per change, in mrkdwn: "Status: Active → Resolved", "Priority P2 → P1", "Assigned to <@U1>". */
export function describeChanges(changes: CaseChange[], assignee: Person | undefined): string {
  return changes
    .map((change) => {
      switch (change.kind) {
        case 'status':
          return escapeMrkdwn(`Status: ${statusWords(change.from)} → ${statusWords(change.to)}`);
        case 'priority':
          return escapeMrkdwn(`Priority ${priorityWords(change.from)} → ${priorityWords(change.to)}`);
        case 'assignee':
          return change.to
            ? `Assigned to ${personText(assignee ?? { kind: 'coralogix', coralogixUserId: change.to })}`
            : 'Unassigned';
        case 'title':
          return 'Title changed';
      }
    })
    .join('\n');
}
