import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHarness } from './support/harness';
import { WEBHOOK_SECRET } from './support/webhook-requests';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'case-assign-app-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('the store, which only the webhook uses', () => {
  it('is neither opened nor created without WEBHOOK_SECRET', async () => {
    const databasePath = join(dir, 'data', 'case-assign.db');
    const h = await startHarness({ env: { DATABASE_PATH: databasePath } });
    try {
      expect((await fetch(`${h.url}/healthz`)).status).toBe(200);
      expect(existsSync(join(dir, 'data'))).toBe(false);
    } finally {
      await h.close();
    }
  });

  it('does not stop a start where its folder cannot be created, as on a read-only file system', async () => {
    const notAFolder = join(dir, 'file');
    writeFileSync(notAFolder, '');
    const h = await startHarness({ env: { DATABASE_PATH: join(notAFolder, 'data', 'case-assign.db') } });
    try {
      expect((await fetch(`${h.url}/healthz`)).status).toBe(200);
    } finally {
      await h.close();
    }
  });

  it('is created on start once the webhook is on', async () => {
    const databasePath = join(dir, 'data', 'case-assign.db');
    const h = await startHarness({ env: { DATABASE_PATH: databasePath, WEBHOOK_SECRET } });
    try {
      expect(existsSync(databasePath)).toBe(true);
    } finally {
      await h.close();
    }
  });
});
