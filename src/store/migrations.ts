import type { Database } from 'better-sqlite3';
import { AppError } from '../errors';

/**
 * The schema, one step per entry. A step never changes once released: a new need is a new entry.
 * PRAGMA user_version counts the steps applied, so opening a file again applies only what is new.
 */
export const MIGRATIONS: readonly string[] = [
  `CREATE TABLE case_messages (
     case_id          TEXT PRIMARY KEY,
     channel          TEXT NOT NULL,
     ts               TEXT NOT NULL,
     status           TEXT NOT NULL,
     priority         TEXT NOT NULL,
     assignee_user_id TEXT,
     title            TEXT,
     updated_at       TEXT NOT NULL
   )`,
  `CREATE TABLE webhook_events (
     case_id  TEXT NOT NULL,
     event_id TEXT NOT NULL,
     seen_at  INTEGER NOT NULL,
     PRIMARY KEY (case_id, event_id)
   );
   CREATE INDEX webhook_events_seen_at ON webhook_events (seen_at)`,
];

/** Applies the missing steps, each in its own transaction with its version bump. Returns the version. */
export function migrate(db: Database, migrations: readonly string[] = MIGRATIONS): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > migrations.length) {
    // Written by a newer release: reading it with an older schema could lose what it holds.
    throw new AppError(
      'internal',
      `the database is at schema version ${current}, newer than this release knows (${migrations.length}); upgrade case-assign`,
    );
  }
  migrations.slice(current).forEach((sql, i) => {
    const version = current + i + 1;
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${version}`);
    })();
  });
  return migrations.length;
}
