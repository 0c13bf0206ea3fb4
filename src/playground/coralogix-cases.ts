import { randomUUID } from 'node:crypto';
import { isFinalStatus, type CaseEvent, type CaseRecord } from './case-record';
import { CORALOGIX_PEOPLE } from './people';
import { seedCase } from './seed-case';
import { CASE_SEEDS } from './seed-cases';

/** Coralogix records an API key, not a person, as the one who changed a case through the API. */
const API_KEY_ACTOR = { apiKey: { id: 'playground-key', name: 'case-assign (playground)' } };

/** Why a change was refused, as the API answers it. */
export class CaseRefusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The emulated Coralogix's cases and timelines: seeded at start, changed by the API, watched by the page. */
export class CaseBook {
  readonly cases = new Map<string, CaseRecord>();
  readonly timelines = new Map<string, CaseEvent[]>();
  private readonly listeners = new Set<() => void>();

  constructor(private readonly now: () => number = Date.now) {
    for (const seed of CASE_SEEDS) {
      const { record, events } = seedCase(seed, now());
      this.cases.set(record.id, record);
      this.timelines.set(record.id, events);
    }
  }

  /** By UUID or readable id, exactly as the API takes them (readable ids in upper case only). */
  find(id: string): CaseRecord | undefined {
    return this.cases.get(id) ?? [...this.cases.values()].find((c) => c.readableId === id);
  }

  list(): CaseRecord[] {
    return [...this.cases.values()];
  }

  timeline(caseId: string): CaseEvent[] {
    return this.timelines.get(caseId) ?? [];
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  assign(c: CaseRecord, userId: string): void {
    if (isFinalStatus(c.status)) throw new CaseRefusal(400, `Failed precondition: case ${c.id} is ${statusWord(c)}`);
    const member = CORALOGIX_PEOPLE.find((p) => p.id === userId && p.isActive);
    if (!member) throw new CaseRefusal(400, `Invalid argument: no active team member with id ${userId}`);
    const previous = c.assignee?.userId;
    c.assignee = { userId };
    this.changed(c, {
      assigned: { assigneeUserId: userId, ...(previous ? { previousAssigneeUserId: previous } : {}) },
    });
  }

  unassign(c: CaseRecord): void {
    const previous = c.assignee?.userId;
    delete c.assignee;
    if (previous) this.changed(c, { unassigned: { previousAssigneeUserId: previous } });
  }

  acknowledge(c: CaseRecord): void {
    if (isFinalStatus(c.status)) throw new CaseRefusal(400, `Failed precondition: case ${c.id} is ${statusWord(c)}`);
    if (c.status === 'CASE_STATUS_ACKNOWLEDGED') return;
    const oldStatus = c.status;
    c.status = 'CASE_STATUS_ACKNOWLEDGED';
    c.acknowledgeTime = this.isoNow();
    this.changed(c, { statusChanged: { oldStatus, newStatus: c.status } });
  }

  comment(c: CaseRecord, text: string): CaseEvent {
    return this.record(c, { comment: { unsafeText: text, attachments: [] } });
  }

  private changed(c: CaseRecord, eventData: Record<string, object>): void {
    c.updateTime = this.isoNow();
    this.record(c, eventData);
  }

  private record(c: CaseRecord, eventData: Record<string, object>): CaseEvent {
    const at = this.isoNow();
    const event: CaseEvent = { eventId: randomUUID(), eventTime: at, createTime: at, actor: API_KEY_ACTOR, eventData };
    this.timelines.set(c.id, [...this.timeline(c.id), event]);
    for (const listener of this.listeners) listener();
    return event;
  }

  private isoNow(): string {
    return new Date(this.now()).toISOString();
  }
}

function statusWord(c: CaseRecord): string {
  return c.status.replace('CASE_STATUS_', '').toLowerCase();
}
