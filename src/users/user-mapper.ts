import type { Teammate } from '../coralogix/schemas';
import { AppError, type ErrorDetails } from '../errors';
import type { Logger } from '../logger';
import { isEmail, type UserMap, type UserMapEntry } from './mapping-file';
import type { CoralogixUser, Person } from './person';
import { createPersonFinder } from './person-finder';
import type { SlackDirectory } from './slack-directory';
import { teammateName, type TeamDirectory } from './team-directory';

export interface UserMapper {
  /** The Coralogix user a Slack user acts as or is assigned as; throws AppError('user_not_mapped'). */
  toCoralogix(slackUserId: string, role: 'actor' | 'target'): Promise<CoralogixUser>;
  /** Who to show for a Coralogix user: a Slack mention when one matches, else their Coralogix name. */
  toSlack(coralogixUserId: string): Promise<Person>;
}

export interface UserMapperDeps {
  userMap?: UserMap;
  directory: TeamDirectory;
  slack: SlackDirectory;
  logger: Logger;
  /** How long a shown person is remembered (default 5 min). */
  ttlMs?: number;
  now?: () => number;
}

type Reason = NonNullable<ErrorDetails['reason']>;

const REASONS: Record<Reason, string> = {
  not_found: 'Slack has no such user',
  no_email: 'their Slack profile shows no e-mail',
  inactive: 'the matching Coralogix team member is deactivated',
  no_team_member: 'no Coralogix team member has that e-mail',
};

const toUser = (t: Teammate): CoralogixUser => ({
  id: t.id,
  email: t.username.trim() || undefined,
  name: teammateName(t),
});

/** Design §6: the mapping file first, then the Slack profile e-mail against the team directory. */
export function createUserMapper(deps: UserMapperDeps): UserMapper {
  const { userMap, directory, slack, logger } = deps;

  async function toCoralogix(slackUserId: string, role: 'actor' | 'target'): Promise<CoralogixUser> {
    const fail = (reason: Reason, email?: string) =>
      new AppError('user_not_mapped', `Slack user ${slackUserId} (${role}) has no Coralogix user: ${REASONS[reason]}`, {
        slackUserId,
        role,
        reason,
        ...(email ? { email } : {}),
      });

    const byId = userMap?.bySlackId(slackUserId);
    if (byId) return fromEntry(byId, fail);
    const profile = await slack.profile(slackUserId);
    if (!profile) throw fail('not_found');
    if (!profile.email) throw fail('no_email');
    const byEmail = userMap?.bySlackEmail(profile.email);
    if (byEmail) return fromEntry(byEmail, fail);

    const member = await directory.byEmail(profile.email);
    if (!member) throw fail('no_team_member', profile.email);
    if (member.isActive === false) throw fail('inactive', profile.email);
    logger.debug({ slackUserId, coralogixUserId: member.id }, 'mapped Slack user by e-mail');
    return toUser(member);
  }

  async function fromEntry(entry: UserMapEntry, fail: (r: Reason, email?: string) => AppError): Promise<CoralogixUser> {
    if (isEmail(entry.coralogix)) {
      const member = await directory.byEmail(entry.coralogix);
      if (!member) throw fail('no_team_member', entry.coralogix);
      if (member.isActive === false) throw fail('inactive', entry.coralogix);
      return toUser(member);
    }
    // The file names the id itself: it stands even when the directory cannot be read right now.
    const member = await directory.byId(entry.coralogix).catch((err: unknown) => {
      logger.debug({ err, coralogixUserId: entry.coralogix }, 'could not enrich a mapped user from the directory');
      return undefined;
    });
    return member ? toUser(member) : { id: entry.coralogix };
  }

  return { toCoralogix, toSlack: createPersonFinder(deps) };
}
