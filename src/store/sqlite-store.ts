import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { CaseMessage, CaseMessageStore } from './case-message-store';
import { migrate } from './migrations';

/** Event ids only guard against redelivery, which happens within minutes; a week is plenty. */
const EVENT_MEMORY_MS = 7 * 24 * 60 * 60 * 1000;

interface Row {
  case_id: string;
  channel: string;
  ts: string;
  status: string;
  priority: string;
  assignee_user_id: string | null;
  title: string | null;
  updated_at: string;
}

/** Opens (creating it and its folder when needed) the SQLite file at `path`; ':memory:' for tests. */
export function openSqliteStore(path: string): CaseMessageStore {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  // WAL lets a reader (a second instance, sqlite3 on the command line) look without blocking us.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  migrate(db);

  const select = db.prepare<[string], Row>('SELECT * FROM case_messages WHERE case_id = ?');
  const upsert = db.prepare(
    `INSERT INTO case_messages (case_id, channel, ts, status, priority, assignee_user_id, title, updated_at)
     VALUES (@case_id, @channel, @ts, @status, @priority, @assignee_user_id, @title, @updated_at)
     ON CONFLICT (case_id) DO UPDATE SET
       channel = excluded.channel, ts = excluded.ts, status = excluded.status, priority = excluded.priority,
       assignee_user_id = excluded.assignee_user_id, title = excluded.title, updated_at = excluded.updated_at`,
  );
  const findEvent = db.prepare<[string, string], { one: number }>(
    'SELECT 1 AS one FROM webhook_events WHERE case_id = ? AND event_id = ?',
  );
  const insertEvent = db.prepare('INSERT OR IGNORE INTO webhook_events (case_id, event_id, seen_at) VALUES (?, ?, ?)');
  const forgetEvents = db.prepare('DELETE FROM webhook_events WHERE seen_at < ?');

  return {
    get(caseId) {
      const row = select.get(caseId);
      return row ? fromRow(row) : undefined;
    },
    put(m) {
      upsert.run({
        case_id: m.caseId,
        channel: m.channel,
        ts: m.ts,
        status: m.snapshot.status,
        priority: m.snapshot.priority,
        assignee_user_id: m.snapshot.assigneeUserId ?? null,
        title: m.snapshot.title ?? null,
        updated_at: m.updatedAt,
      });
    },
    hasEvent: (caseId, eventId) => findEvent.get(caseId, eventId) !== undefined,
    addEvent(caseId, eventId, at) {
      insertEvent.run(caseId, eventId, at.getTime());
      forgetEvents.run(at.getTime() - EVENT_MEMORY_MS);
    },
    close() {
      if (db.open) db.close();
    },
  };
}

function fromRow(row: Row): CaseMessage {
  return {
    caseId: row.case_id,
    channel: row.channel,
    ts: row.ts,
    snapshot: {
      status: row.status,
      priority: row.priority,
      ...(row.assignee_user_id === null ? {} : { assigneeUserId: row.assignee_user_id }),
      ...(row.title === null ? {} : { title: row.title }),
    },
    updatedAt: row.updated_at,
  };
}
