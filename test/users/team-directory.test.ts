import type { Teammate } from '../../src/coralogix/schemas';
import { AppError } from '../../src/errors';
import { createLogger } from '../../src/logger';
import { createTeamDirectory } from '../../src/users/team-directory';

const ALICE: Teammate = { id: 'a1', username: 'alice@example.com', firstName: 'Alice', isActive: true };
const OLD_BOB: Teammate = { id: 'b0', username: 'bob@example.com', isActive: false };

/** Stands in for the Coralogix teammates endpoint: counts fetches, can fail or hold its answer. */
function fakeTeam(initial: Teammate[]) {
  const team = {
    members: initial,
    fetches: 0,
    failing: false,
    hold: undefined as Promise<void> | undefined,
    fetch: async (): Promise<Teammate[]> => {
      team.fetches += 1;
      if (team.hold) await team.hold;
      if (team.failing) throw new AppError('coralogix_unavailable', 'Coralogix is down');
      return [...team.members];
    },
  };
  return team;
}

function clock() {
  let t = 1_000_000;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

function capturedLogs() {
  const lines: Array<{ level: number; msg: string }> = [];
  const logger = createLogger({ level: 'debug', destination: { write: (s: string) => lines.push(JSON.parse(s)) } });
  return { logger, warnings: () => lines.filter((l) => l.level === 40).map((l) => l.msg) };
}

describe('TeamDirectory', () => {
  it('matches an e-mail trimmed and regardless of letter case', async () => {
    const dir = createTeamDirectory(fakeTeam([ALICE]).fetch);
    await expect(dir.byEmail('  Alice@EXAMPLE.com \t')).resolves.toEqual(ALICE);
    await expect(dir.byId('a1')).resolves.toEqual(ALICE);
  });

  it('returns a deactivated member flagged, and prefers the active account of one e-mail', async () => {
    const newBob: Teammate = { id: 'b1', username: 'Bob@example.com', isActive: true };
    await expect(createTeamDirectory(fakeTeam([OLD_BOB]).fetch).byEmail('bob@example.com')).resolves.toEqual(OLD_BOB);
    const both = createTeamDirectory(fakeTeam([OLD_BOB, newBob]).fetch);
    await expect(both.byEmail('bob@example.com')).resolves.toEqual(newBob);
  });

  it('answers a second lookup from the cache', async () => {
    const team = fakeTeam([ALICE]);
    const hits: boolean[] = [];
    const dir = createTeamDirectory(team.fetch, { onCache: (hit) => hits.push(hit) });
    await dir.byEmail('alice@example.com');
    await dir.byId('a1');
    expect(team.fetches).toBe(1);
    expect(hits).toEqual([false, true]);
  });

  it('refreshes on a miss, but not more than once a minute', async () => {
    const team = fakeTeam([ALICE]);
    const time = clock();
    const dir = createTeamDirectory(team.fetch, { now: time.now });
    await dir.byEmail('alice@example.com');
    team.members = [ALICE, { id: 'c1', username: 'carol@example.com' }];

    time.advance(30_000);
    await expect(dir.byEmail('carol@example.com')).resolves.toBeUndefined();
    await expect(dir.byEmail('dave@example.com')).resolves.toBeUndefined();
    expect(team.fetches).toBe(1);

    time.advance(30_000);
    await expect(dir.byEmail('carol@example.com')).resolves.toMatchObject({ id: 'c1' });
    expect(team.fetches).toBe(2);
  });

  it('refreshes the list once it is older than the TTL, even for a known member', async () => {
    const team = fakeTeam([ALICE]);
    const time = clock();
    const dir = createTeamDirectory(team.fetch, { now: time.now, ttlMs: 300_000 });
    await dir.byEmail('alice@example.com');
    time.advance(299_000);
    await dir.byEmail('alice@example.com');
    expect(team.fetches).toBe(1);
    time.advance(2_000);
    await dir.byEmail('alice@example.com');
    expect(team.fetches).toBe(2);
  });

  it('shares one fetch among 20 concurrent lookups', async () => {
    const team = fakeTeam([ALICE]);
    let release = () => {};
    team.hold = new Promise((resolve) => (release = resolve));
    const dir = createTeamDirectory(team.fetch);
    const lookups = Array.from({ length: 20 }, (_, i) => (i % 2 ? dir.byId('a1') : dir.byEmail('alice@example.com')));
    release();
    const found = await Promise.all(lookups);
    expect(team.fetches).toBe(1);
    expect(found.every((t) => t?.id === 'a1')).toBe(true);
  });

  it('serves the last list when a refresh fails, warning once', async () => {
    const team = fakeTeam([ALICE]);
    const time = clock();
    const { logger, warnings } = capturedLogs();
    const dir = createTeamDirectory(team.fetch, { now: time.now, logger });
    await dir.byEmail('alice@example.com');

    team.failing = true;
    time.advance(10 * 60_000);
    const found = await Promise.all([dir.byEmail('alice@example.com'), dir.byEmail('nobody@example.com')]);
    expect(found.map((t) => t?.id)).toEqual(['a1', undefined]);
    expect(team.fetches).toBe(2);
    expect(warnings()).toHaveLength(1);

    // Within the minute after the failure, lookups use the old list without retrying.
    await dir.byEmail('nobody@example.com');
    expect(team.fetches).toBe(2);
  });

  it('passes the error on when there is no list to fall back on', async () => {
    const team = fakeTeam([ALICE]);
    team.failing = true;
    const dir = createTeamDirectory(team.fetch);
    await expect(dir.byEmail('alice@example.com')).rejects.toMatchObject({ code: 'coralogix_unavailable' });

    team.failing = false;
    await expect(dir.byEmail('alice@example.com')).resolves.toEqual(ALICE);
  });
});
