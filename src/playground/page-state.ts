import type { CaseEvent, CaseRecord } from './case-record';
import type { CaseBook } from './coralogix-cases';
import { CHANNEL, coralogixPersonById, type SlackPerson } from './people';
import type { SlackWorkspace } from './slack-workspace';

/** Everything the page shows, from the point of view of the person it acts as. */
export function pageState(ws: SlackWorkspace, book: CaseBook, actingAs: string) {
  return {
    channel: CHANNEL,
    actingAs,
    people: ws.people.map((p) => ({ ...personJson(p), about: p.about })),
    messages: ws.visibleTo(actingAs).map((m) => ({
      ts: m.ts,
      text: m.text,
      blocks: m.blocks,
      from: m.from,
      ephemeral: m.visibleTo !== undefined,
      threadTs: m.threadTs,
      edited: m.edited,
    })),
    cases: book.list().map((c) => caseJson(c, book.timeline(c.id))),
  };
}

function personJson(p: SlackPerson) {
  return { id: p.id, name: p.name, realName: p.realName, teamId: p.teamId };
}

function caseJson(c: CaseRecord, events: CaseEvent[]) {
  return {
    id: c.id,
    readableId: c.readableId,
    title: c.title,
    status: c.status.replace('CASE_STATUS_', '').replace('_', ' ').toLowerCase(),
    priority: c.priority.replace('CASE_PRIORITY_', ''),
    assignee: nameOf(c.assignee?.userId),
    updateTime: c.updateTime,
    timeline: events.map((e) => ({ at: e.eventTime, by: actorWords(e.actor), what: eventWords(e.eventData) })),
  };
}

function nameOf(userId: string | undefined): string | undefined {
  if (!userId) return undefined;
  const p = coralogixPersonById(userId);
  return p ? `${p.firstName} ${p.lastName}` : userId;
}

function actorWords(actor: Record<string, object>): string {
  const user = actor.user as { id?: string } | undefined;
  const key = actor.apiKey as { name?: string } | undefined;
  if (user) return nameOf(user.id) ?? 'a user';
  if (key) return `API key "${key.name ?? 'unnamed'}"`;
  return 'Coralogix';
}

/** One line per timeline event, in the words Coralogix's case page uses. */
function eventWords(data: Record<string, object>): string {
  const [kind, detail] = Object.entries(data)[0] ?? ['unknown', {}];
  const d = detail as Record<string, string | undefined>;
  switch (kind) {
    case 'created':
      return `Case created (${(d.priority ?? '').replace('CASE_PRIORITY_', '')})`;
    case 'assigned':
      return `Assigned to ${nameOf(d.assigneeUserId) ?? 'someone'}`;
    case 'unassigned':
      return `Unassigned from ${nameOf(d.previousAssigneeUserId) ?? 'someone'}`;
    case 'statusChanged':
      return `Status: ${(d.newStatus ?? '').replace('CASE_STATUS_', '').toLowerCase()}`;
    case 'comment':
      return `Comment: ${d.unsafeText ?? ''}`;
    default:
      return kind;
  }
}
