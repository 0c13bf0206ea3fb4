import type { CoralogixClient } from './coralogix/client';
import type { Logger } from './logger';
import type { Observer } from './metrics/observer';
import type { UserMapper } from './users/user-mapper';

/** What the use-cases need, built once in createApp and passed down; no Slack types here. */
export interface Services {
  coralogix: CoralogixClient;
  users: UserMapper;
  logger: Logger;
  /** The workspace the app is installed in (auth.test at boot); actors from elsewhere are refused. */
  homeTeamId?: string;
  now: () => Date;
  /** Counts and times each handled command, click and webhook (the metrics); absent in unit tests. */
  observe?: Observer;
}
