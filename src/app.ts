import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver } from '@slack/bolt';
import type { WebClientOptions } from '@slack/web-api';
import type { Config } from './config';
import { createCoralogixClient, type CoralogixClient, type RetryPolicy } from './coralogix/client';
import { healthRoutes } from './http/health';
import { createHttpServer, type Routes } from './http/server';
import { InFlight } from './inflight';
import { registerListeners } from './listeners';
import { boltLogger, type Logger } from './logger';
import type { Services } from './services';
import { checkBotToken } from './slack/identity';
import { loadUserMapFile } from './users/mapping-file';
import { createSlackDirectory } from './users/slack-directory';
import { createTeamDirectory } from './users/team-directory';
import { createUserMapper } from './users/user-mapper';

export interface CaseAssignApp {
  services: Services;
  bolt: App;
  /** Listens on config.http; resolves with the bound port (0 picks a free one). */
  start(): Promise<{ port: number }>;
  /** Takes no new work, lets what is in flight finish, then closes everything. */
  stop(): Promise<void>;
}

export interface AppDeps {
  logger: Logger;
  /** Overrides for tests and the bench; production builds its own from the config. */
  coralogix?: CoralogixClient;
  /** Tests shorten the backoff so retries do not slow the suite. */
  coralogixRetry?: Partial<RetryPolicy>;
  now?: () => Date;
}

/** How long shutdown waits for work in flight. */
const SHUTDOWN_BOUND_MS = 8000;

/** Slack Web API calls: a short retry budget, since a user is waiting for every answer. */
const SLACK_RETRIES = { retries: 2, factor: 2, minTimeout: 200, maxTimeout: 2000 };

export async function createApp(config: Config, deps: AppDeps): Promise<CaseAssignApp> {
  const { logger } = deps;
  const slackLogger = boltLogger(logger);
  const clientOptions: WebClientOptions = { slackApiUrl: config.slack.apiUrl, retryConfig: SLACK_RETRIES };

  const identity = await checkBotToken(config.slack.botToken, { ...clientOptions, logger: slackLogger });
  const coralogix =
    deps.coralogix ??
    createCoralogixClient({
      origin: config.coralogix.origin,
      apiKey: config.coralogix.apiKey,
      timeoutMs: config.coralogix.timeoutMs,
      logger: logger.child({ component: 'coralogix' }),
      retry: deps.coralogixRetry,
    });

  const receiver = config.slack.socketMode
    ? undefined
    : new HTTPReceiver({ signingSecret: config.slack.signingSecret ?? '', logger: slackLogger });
  const bolt = new App({
    token: config.slack.botToken,
    botId: identity.botId,
    botUserId: identity.botUserId,
    logger: slackLogger,
    clientOptions,
    ...(receiver ? { receiver } : { socketMode: true, appToken: config.slack.appToken }),
  });

  const users = createUserMapper({
    userMap: config.userMapFile ? loadUserMapFile(config.userMapFile) : undefined,
    directory: createTeamDirectory(() => coralogix.teammates(), { logger }),
    slack: createSlackDirectory(bolt.client.users, { logger }),
    logger,
  });
  const services: Services = {
    coralogix,
    users,
    logger,
    homeTeamId: identity.teamId,
    now: deps.now ?? (() => new Date()),
  };
  const inflight = new InFlight();
  // Runs around every listener, including the work after ack(), so shutdown can wait for it.
  bolt.use(async ({ next }) => {
    await inflight.track(next());
  });
  registerListeners(bolt, services);
  bolt.error((error) => {
    logger.error({ err: error, code: error.code }, 'unhandled error in a Slack listener');
    return Promise.resolve();
  });

  const routes: Routes = new Map([...healthRoutes({ ready: () => true })]);
  const server = createHttpServer(routes, receiver?.requestListener, logger);

  return {
    services,
    bolt,
    async start() {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.http.port, config.http.host, () => resolve());
      });
      if (config.slack.socketMode) await bolt.start();
      const port = (server.address() as AddressInfo).port;
      logger.info({ port, mode: config.slack.socketMode ? 'socket' : 'http', team: identity.teamId }, 'case-assign ready');
      return { port };
    },
    async stop() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      if (config.slack.socketMode) await bolt.stop();
      const finished = await inflight.drain(SHUTDOWN_BOUND_MS);
      if (!finished) logger.warn({ running: inflight.size }, 'stopped with work still in flight');
      await closed;
    },
  };
}
