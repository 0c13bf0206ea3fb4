import { LRUCache } from 'lru-cache';
import { isEmail } from './mapping-file';
import type { Person } from './person';
import { teammateName } from './team-directory';
import type { UserMapperDeps } from './user-mapper';

/**
 * Who to show for a Coralogix user (the reverse of the mapping): the mapping file, then the
 * directory e-mail looked up in Slack; failing both, the Coralogix name and e-mail.
 */
export function createPersonFinder(deps: UserMapperDeps): (coralogixUserId: string) => Promise<Person> {
  // Renders ask for the same assignee again and again: remember answers, and share a lookup in flight.
  const shown = new LRUCache<string, Person>({
    max: 5_000,
    ttl: deps.ttlMs ?? 5 * 60_000,
    ...(deps.now ? { perf: { now: deps.now }, ttlResolution: 0 } : {}),
  });
  const pending = new Map<string, Promise<Person>>();

  async function resolve(key: string, coralogixUserId: string): Promise<Person> {
    const { person, complete } = await findPerson(coralogixUserId, deps);
    if (complete) shown.set(key, person);
    return person;
  }

  function toSlack(coralogixUserId: string): Promise<Person> {
    const id = coralogixUserId.trim();
    const key = id.toLowerCase();
    const known = shown.get(key);
    if (known) return Promise.resolve(known);
    let lookup = pending.get(key);
    if (!lookup) {
      lookup = resolve(key, id).finally(() => pending.delete(key));
      pending.set(key, lookup);
    }
    return lookup;
  }

  return toSlack;
}

/**
 * The reverse of the mapping, for rendering. Never throws: when a source fails, the best answer
 * found without it is returned but marked incomplete, so it is not cached and the next render retries.
 */
async function findPerson(id: string, deps: UserMapperDeps): Promise<{ person: Person; complete: boolean }> {
  const { userMap, directory, slack, logger } = deps;
  let complete = true;
  const attempt = async <T>(source: string, call: () => Promise<T | undefined>): Promise<T | undefined> => {
    try {
      return await call();
    } catch (err) {
      complete = false;
      logger.warn({ err, coralogixUserId: id, source }, 'could not look up whom a Coralogix user is in Slack');
      return undefined;
    }
  };
  const slackPerson = (slackUserId: string) => ({ person: { kind: 'slack' as const, slackUserId }, complete: true });

  const byId = userMap?.byCoralogixId(id);
  if (byId && !isEmail(byId.slack)) return slackPerson(byId.slack);
  const member = await attempt('directory', () => directory.byId(id));
  const entry = byId ?? (member ? userMap?.byCoralogixEmail(member.username) : undefined);
  if (entry && !isEmail(entry.slack)) return slackPerson(entry.slack);

  const email = entry?.slack ?? member?.username.trim();
  const slackUserId = email ? await attempt('slack', () => slack.userIdByEmail(email)) : undefined;
  if (slackUserId) return slackPerson(slackUserId);
  const person: Person = member
    ? {
        kind: 'coralogix',
        coralogixUserId: member.id,
        name: teammateName(member),
        email: member.username.trim() || undefined,
      }
    : { kind: 'coralogix', coralogixUserId: id };
  return { person, complete };
}
