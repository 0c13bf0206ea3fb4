import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Figures for RELIABILITY.md. Each test file records rows in memory; with RELIABILITY_OUT set to a
 * directory, `writeRecords` leaves them there as JSON (`<table>.json`), so the document is written
 * from a real run. Without it nothing is written and the suite runs as any other test.
 */
const tables = new Map<string, Array<Record<string, unknown>>>();

export function record(table: string, row: Record<string, unknown>): void {
  const rows = tables.get(table) ?? [];
  rows.push(row);
  tables.set(table, rows);
}

export function writeRecords(): void {
  // Reading the environment here only chooses where figures go; the app's config is not involved.
  const dir = process.env.RELIABILITY_OUT;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  for (const [table, rows] of tables) writeFileSync(join(dir, `${table}.json`), `${JSON.stringify(rows, null, 2)}\n`);
}
