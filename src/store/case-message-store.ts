/** What the last message about a case showed, so the next event can say what changed. */
export interface CaseSnapshot {
  status: string;
  priority: string;
  /** Coralogix user id; absent while the case is unassigned. */
  assigneeUserId?: string;
  title?: string;
}

/** Where a case's notification lives in Slack, and what it showed. */
export interface CaseMessage {
  /** The case UUID (never the readable id, which a case only gets once active). */
  caseId: string;
  channel: string;
  ts: string;
  snapshot: CaseSnapshot;
  /** ISO time of the last write. */
  updatedAt: string;
}

/**
 * The one thing the app must not forget across restarts: which message shows which case. Kept
 * behind this interface so the SQLite file can be swapped for a shared database later.
 */
export interface CaseMessageStore {
  get(caseId: string): CaseMessage | undefined;
  put(message: CaseMessage): void;
  /** True when this event of this case was handled before (Coralogix may deliver one twice). */
  hasEvent(caseId: string, eventId: string): boolean;
  addEvent(caseId: string, eventId: string, at: Date): void;
  close(): void;
}
