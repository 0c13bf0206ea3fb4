import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS, migrate } from '../../src/store/migrations';
import type { CaseMessage } from '../../src/store/case-message-store';
import { openSqliteStore } from '../../src/store/sqlite-store';

let dir: string;
/** In a folder that does not exist yet. */
let path: string;
/** Directly in the temp dir, for files a test prepares with the driver itself. */
let flat: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'case-assign-store-'));
  path = join(dir, 'data', 'case-assign.db');
  flat = join(dir, 'case-assign.db');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const CASE_ID = '3f166e9f-3c88-4af2-b52e-138f339dab3e';

function message(overrides: Partial<CaseMessage> = {}): CaseMessage {
  return {
    caseId: CASE_ID,
    channel: 'C0CASES01',
    ts: '1758537000.000100',
    snapshot: {
      status: 'CASE_STATUS_ACTIVE',
      priority: 'CASE_PRIORITY_P2',
      assigneeUserId: 'u-1',
      title: 'High error rate',
    },
    updatedAt: '2026-09-22T10:30:00.000Z',
    ...overrides,
  };
}

const userVersion = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.pragma('user_version', { simple: true });
  } finally {
    db.close();
  }
};

describe('the SQLite case message store', () => {
  it('gives back what was put, and nothing for an unknown case', () => {
    const store = openSqliteStore(':memory:');
    store.put(message());
    expect(store.get(CASE_ID)).toEqual(message());
    expect(store.get('another-case')).toBeUndefined();
    store.close();
  });

  it('keeps an unassigned, untitled snapshot without inventing fields', () => {
    const store = openSqliteStore(':memory:');
    const bare = message({ snapshot: { status: 'CASE_STATUS_RESOLVED', priority: 'CASE_PRIORITY_P1' } });
    store.put(bare);
    expect(store.get(CASE_ID)).toEqual(bare);
    store.close();
  });

  it('replaces the message of a case when put again', () => {
    const store = openSqliteStore(':memory:');
    store.put(message());
    store.put(
      message({ ts: '1758537999.000200', snapshot: { status: 'CASE_STATUS_CLOSED', priority: 'CASE_PRIORITY_P2' } }),
    );
    expect(store.get(CASE_ID)).toMatchObject({ ts: '1758537999.000200', snapshot: { status: 'CASE_STATUS_CLOSED' } });
    store.close();
  });

  it('creates its folder, and keeps its data and schema version across reopening', () => {
    const first = openSqliteStore(path);
    first.put(message());
    first.addEvent(CASE_ID, 'evt-1', new Date());
    first.close();

    const second = openSqliteStore(path);
    expect(second.get(CASE_ID)).toEqual(message());
    expect(second.hasEvent(CASE_ID, 'evt-1')).toBe(true);
    second.close();
    expect(userVersion(path)).toBe(MIGRATIONS.length);
  });

  it('applies each migration once, however often it runs', () => {
    const db = new Database(':memory:');
    expect(migrate(db)).toBe(MIGRATIONS.length);
    expect(migrate(db)).toBe(MIGRATIONS.length);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    db.close();
  });

  it('brings an older file up to date without losing what it holds', () => {
    const db = new Database(flat);
    migrate(db, MIGRATIONS.slice(0, 1));
    db.prepare(
      "INSERT INTO case_messages VALUES (?, 'C0CASES01', '1.2', 'CASE_STATUS_ACTIVE', 'CASE_PRIORITY_P3', NULL, NULL, 'then')",
    ).run(CASE_ID);
    db.close();

    const store = openSqliteStore(flat);
    expect(store.get(CASE_ID)?.snapshot).toEqual({ status: 'CASE_STATUS_ACTIVE', priority: 'CASE_PRIORITY_P3' });
    expect(store.hasEvent(CASE_ID, 'evt-1')).toBe(false);
    store.close();
  });

  it('refuses a file written by a newer release', () => {
    const db = new Database(flat);
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    db.close();
    expect(() => openSqliteStore(flat)).toThrow(/newer than this release/);
  });

  it('remembers events per case, and forgets them after a week', () => {
    const store = openSqliteStore(':memory:');
    const monday = new Date('2026-09-21T09:00:00Z');
    store.addEvent(CASE_ID, 'evt-1', monday);
    expect(store.hasEvent(CASE_ID, 'evt-1')).toBe(true);
    expect(store.hasEvent('another-case', 'evt-1')).toBe(false);

    store.addEvent(CASE_ID, 'evt-2', new Date(monday.getTime() + 8 * 24 * 3600_000));
    expect(store.hasEvent(CASE_ID, 'evt-1')).toBe(false);
    expect(store.hasEvent(CASE_ID, 'evt-2')).toBe(true);
    store.close();
  });

  it('can be closed twice', () => {
    const store = openSqliteStore(':memory:');
    store.close();
    expect(() => store.close()).not.toThrow();
  });
});
