import type { Teammate } from '../coralogix/schemas';
import type { Logger } from '../logger';

/**
 * The Coralogix team members, looked up by e-mail (their `username`) or by id. Deactivated members
 * are returned too, with `isActive: false`, so a caller can say "deactivated" rather than "unknown";
 * only members with `isActive !== false` may be assigned.
 */
export interface TeamDirectory {
  byEmail(email: string): Promise<Teammate | undefined>;
  byId(id: string): Promise<Teammate | undefined>;
}

export interface TeamDirectoryOptions {
  /** How long the list is trusted before the next lookup refreshes it. */
  ttlMs?: number;
  /** A lookup that misses refreshes the list, but not more often than this. */
  minRefreshMs?: number;
  now?: () => number;
  logger?: Logger;
  /** Told, per lookup, whether it was answered without fetching the list. */
  onCache?: (hit: boolean) => void;
}

interface Snapshot {
  fetchedAt: number;
  byEmail: Map<string, Teammate>;
  byId: Map<string, Teammate>;
}

/** "First Last", or undefined when the directory has neither. */
export const teammateName = (t: Teammate): string | undefined =>
  [t.firstName, t.lastName].filter(Boolean).join(' ').trim() || undefined;

const key = (v: string): string => v.trim().toLowerCase();
const isActive = (t: Teammate): boolean => t.isActive !== false;

/**
 * Caches the whole list: the API has no lookup by e-mail, and one list serves every lookup. A miss
 * may mean someone just joined, so it refreshes, rate-limited so a stream of unknown e-mails cannot
 * turn into a stream of list fetches; concurrent callers share the one fetch in flight.
 */
export function createTeamDirectory(
  fetchTeammates: () => Promise<Teammate[]>,
  opts: TeamDirectoryOptions = {},
): TeamDirectory {
  const { ttlMs = 5 * 60_000, minRefreshMs = 60_000, now = Date.now, logger, onCache } = opts;
  let snapshot: Snapshot | undefined;
  let lastAttempt = -Infinity;
  let inflight: Promise<Snapshot> | undefined;

  const refresh = (): Promise<Snapshot> => {
    inflight ??= (async () => {
      lastAttempt = now();
      try {
        snapshot = index(await fetchTeammates(), now());
        logger?.debug({ members: snapshot.byId.size }, 'team directory refreshed');
        return snapshot;
      } catch (err) {
        if (!snapshot) throw err;
        // One warning per failed refresh, however many callers were waiting on it.
        logger?.warn({ err, ageMs: now() - snapshot.fetchedAt }, 'team directory refresh failed; using the last list');
        return snapshot;
      } finally {
        inflight = undefined;
      }
    })();
    return inflight;
  };

  const mayRefresh = () => now() - lastAttempt >= minRefreshMs;

  const lookup = async (find: (s: Snapshot) => Teammate | undefined): Promise<Teammate | undefined> => {
    // A list past its TTL still answers while refreshing is not allowed (a refresh just failed).
    const usable = snapshot && (now() - snapshot.fetchedAt < ttlMs || !mayRefresh()) ? snapshot : undefined;
    const found = usable && find(usable);
    if (found || (usable && !mayRefresh() && !inflight)) {
      onCache?.(true);
      return found;
    }
    onCache?.(false);
    return find(await refresh());
  };

  return {
    byEmail: (email) => lookup((s) => s.byEmail.get(key(email))),
    byId: (id) => lookup((s) => s.byId.get(key(id))),
  };
}

function index(teammates: Teammate[], fetchedAt: number): Snapshot {
  const byEmail = new Map<string, Teammate>();
  const byId = new Map<string, Teammate>();
  for (const t of teammates) {
    byId.set(key(t.id), t);
    const email = key(t.username);
    const seen = byEmail.get(email);
    // One e-mail may appear twice (an old deactivated account and a new one): the active one wins.
    if (email && (!seen || (!isActive(seen) && isActive(t)))) byEmail.set(email, t);
  }
  return { fetchedAt, byEmail, byId };
}
