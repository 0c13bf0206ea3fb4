import { LRUCache } from 'lru-cache';
import { AppError } from '../errors';
import type { Logger } from '../logger';
import { slackErrorOf } from '../slack/slack-error';

/** What the mapping needs to know of a Slack user. */
export interface SlackProfile {
  id: string;
  email?: string;
  name?: string;
  teamId?: string;
  deleted?: boolean;
  isBot?: boolean;
}

export interface SlackDirectory {
  /** users.info; undefined when Slack has no such user. */
  profile(slackUserId: string): Promise<SlackProfile | undefined>;
  /** users.lookupByEmail; undefined when no Slack user has that e-mail. */
  userIdByEmail(email: string): Promise<string | undefined>;
}

/** The part of WebClient['users'] we call, so a real WebClient fits and a test can pass a stand-in. */
export interface SlackUsersApi {
  info(args: { user: string }): Promise<{
    user?: {
      id?: string;
      team_id?: string;
      deleted?: boolean;
      is_bot?: boolean;
      real_name?: string;
      name?: string;
      profile?: { email?: string; real_name?: string; display_name?: string };
    };
  }>;
  lookupByEmail(args: { email: string }): Promise<{ user?: { id?: string } }>;
}

export interface SlackDirectoryOptions {
  ttlMs?: number;
  /** "No such user" is kept shorter: the person may be invited any minute. */
  negativeTtlMs?: number;
  max?: number;
  now?: () => number;
  logger?: Logger;
  onCache?: (hit: boolean) => void;
}

/** lru-cache cannot hold undefined, so an absent answer is boxed. */
interface Found<T> {
  value?: T;
}

const NOT_FOUND = new Set(['user_not_found', 'users_not_found']);

/**
 * Slack's user lookups behind a cache per user and per e-mail. Each key has at most one call in
 * flight (lru-cache's fetchMethod): twenty renders of one assignee cost one users.info.
 */
export function createSlackDirectory(users: SlackUsersApi, opts: SlackDirectoryOptions = {}): SlackDirectory {
  const { ttlMs = 10 * 60_000, negativeTtlMs = 60_000, max = 5_000, now, logger, onCache } = opts;
  // An injected clock is read on every check; lru-cache otherwise reuses a reading for 1 ms.
  const clock = now ? { perf: { now }, ttlResolution: 0 } : {};

  const cache = <T>(method: string, load: (key: string) => Promise<T | undefined>) => {
    const lru = new LRUCache<string, Found<T>>({
      max,
      ttl: ttlMs,
      ...clock,
      fetchMethod: async (key, _stale, { options }) => {
        const value = await callSlack(method, () => load(key), logger);
        if (value === undefined) options.ttl = negativeTtlMs;
        return { value };
      },
    });
    return async (key: string): Promise<T | undefined> => {
      const status: LRUCache.Status<string, Found<T>> = {};
      const found = await lru.fetch(key, { status });
      // Joining a call already in flight costs Slack nothing, so it counts as a hit too.
      onCache?.(status.fetch === 'hit' || status.fetch === 'inflight');
      return found?.value;
    };
  };

  const profile = cache('users.info', async (id) => toProfile(id, (await users.info({ user: id })).user));
  const userIdByEmail = cache('users.lookupByEmail', async (email) => {
    const { user } = await users.lookupByEmail({ email });
    return user?.id || undefined;
  });

  return {
    profile: (slackUserId) => profile(slackUserId.trim()),
    // E-mails match without regard to case throughout the app, so one key serves every spelling.
    userIdByEmail: (email) => userIdByEmail(email.trim().toLowerCase()),
  };
}

function toProfile(id: string, user: Awaited<ReturnType<SlackUsersApi['info']>>['user']): SlackProfile | undefined {
  if (!user) return undefined;
  const profile = user.profile ?? {};
  return {
    id: user.id ?? id,
    email: profile.email?.trim() || undefined,
    name: profile.real_name || user.real_name || profile.display_name || user.name || undefined,
    teamId: user.team_id,
    deleted: user.deleted,
    isBot: user.is_bot,
  };
}

/** "No such user" is an answer, not a failure; anything else becomes a slack_failed AppError. */
async function callSlack<T>(method: string, call: () => Promise<T>, logger?: Logger): Promise<T | undefined> {
  try {
    return await call();
  } catch (cause) {
    const e = cause as { code?: unknown; retryAfter?: unknown } | undefined;
    const slackError = slackErrorOf(cause) ?? (typeof e?.code === 'string' ? e.code : 'request_failed');
    if (NOT_FOUND.has(slackError)) return undefined;
    logger?.warn({ err: cause, method, slackError }, 'Slack user lookup failed');
    const retryAfter = typeof e?.retryAfter === 'number' ? { retryAfter: e.retryAfter } : {};
    throw new AppError(
      'slack_failed',
      `Slack ${method} failed: ${slackError}`,
      { slackError, ...retryAfter },
      { cause },
    );
  }
}
