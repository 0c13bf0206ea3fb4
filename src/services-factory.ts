import type { Config } from './config';
import { createCoralogixClient, type CoralogixClient, type RetryPolicy } from './coralogix/client';
import type { Logger } from './logger';
import type { MetricHooks } from './metrics/hooks';
import type { Services } from './services';
import { createSlackDirectory, type SlackUsersApi } from './users/slack-directory';
import { createTeamDirectory, type TeamDirectory } from './users/team-directory';
import { createUserMapper } from './users/user-mapper';

export interface ServiceDeps {
  logger: Logger;
  /** Replaces the client built from the config (tests, the bench). */
  coralogix?: CoralogixClient;
  coralogixRetry?: Partial<RetryPolicy>;
  now?: () => Date;
}

export interface ServiceParts {
  services: Services;
  /** The team directory inside the user mapper; the boot key check reads it, which also warms it. */
  directory: TeamDirectory;
}

/**
 * What the use-cases run on, built from the config: the Coralogix client, the user mapping with its
 * two directories, and the metric hooks they report to. Nothing here talks to Slack beyond users.*.
 */
export function buildServices(
  config: Config,
  deps: ServiceDeps,
  slack: { users: SlackUsersApi; homeTeamId?: string },
  hooks: MetricHooks,
): ServiceParts {
  const { logger } = deps;
  const coralogix =
    deps.coralogix ??
    createCoralogixClient({
      origin: config.coralogix.origin,
      apiKey: config.coralogix.apiKey,
      timeoutMs: config.coralogix.timeoutMs,
      logger: logger.child({ component: 'coralogix' }),
      retry: deps.coralogixRetry,
      onCall: hooks.onCoralogixCall,
    });
  const directory = createTeamDirectory(() => coralogix.teammates(), {
    logger,
    onCache: hooks.onCache('team_directory'),
  });
  const users = createUserMapper({
    userMap: config.userMap,
    directory,
    slack: createSlackDirectory(slack.users, { logger, onCache: hooks.onCache('slack_users') }),
    logger,
  });
  const services: Services = {
    coralogix,
    users,
    logger,
    homeTeamId: slack.homeTeamId,
    now: deps.now ?? (() => new Date()),
    observe: hooks.observer,
  };
  return { services, directory };
}
