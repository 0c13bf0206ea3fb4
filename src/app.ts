import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver } from '@slack/bolt';
import type { WebClientOptions } from '@slack/web-api';
import type { Config } from './config';
import { createCoralogixClient, type CoralogixClient, type RetryPolicy } from './coralogix/client';
import { watchCoralogixKey } from './coralogix/key-check';
import { healthRoutes } from './http/health';
import { Readiness } from './http/readiness';
import { createHttpServer, refuseWhenStopping, type Routes } from './http/server';
import { InFlight } from './inflight';
import { registerListeners } from './listeners';
import { boltLogger, type Logger } from './logger';
import { metricHooks } from './metrics/hooks';
import { observedRoute } from './metrics/observe-route';
import { createMetrics } from './metrics/registry';
import { metricsRoute } from './metrics/route';
import type { Services } from './services';
import { checkBotToken } from './slack/identity';
import { openSqliteStore } from './store/sqlite-store';
import { loadUserMapFile } from './users/mapping-file';
import { createSlackDirectory } from './users/slack-directory';
import { createTeamDirectory } from './users/team-directory';
import { createUserMapper } from './users/user-mapper';
import { createCaseNotifier } from './webhooks/case-notifier';
import { coralogixWebhookRoute } from './webhooks/coralogix-route';
import { slackPoster } from './webhooks/slack-poster';

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
  const metrics = createMetrics();
  const hooks = metricHooks(metrics, config.slack.apiUrl);
  // Bolt's respond() sends through this fetch too, so response_url posts are timed as well.
  const clientOptions: WebClientOptions = {
    slackApiUrl: config.slack.apiUrl,
    retryConfig: SLACK_RETRIES,
    fetch: hooks.slackFetch,
  };

  const identity = await checkBotToken(config.slack.botToken, { ...clientOptions, logger: slackLogger });
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

  const directory = createTeamDirectory(() => coralogix.teammates(), {
    logger,
    onCache: hooks.onCache('team_directory'),
  });
  const users = createUserMapper({
    userMap: config.userMapFile ? loadUserMapFile(config.userMapFile) : undefined,
    directory,
    slack: createSlackDirectory(bolt.client.users, { logger, onCache: hooks.onCache('slack_users') }),
    logger,
  });
  const services: Services = {
    coralogix,
    users,
    logger,
    homeTeamId: identity.teamId,
    now: deps.now ?? (() => new Date()),
    observe: hooks.observer,
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

  const store = openSqliteStore(config.databasePath);
  // auth.test above already proved the bot token; the key is proved when the app starts.
  const readiness = new Readiness(['coralogix']);
  const routes: Routes = new Map([...healthRoutes(readiness), metricsRoute(metrics)]);
  // The webhook is off (404) until an installer chooses a secret for it.
  if (config.webhookSecret) {
    const notify = createCaseNotifier({
      services,
      store,
      slack: slackPoster(bolt.client),
      defaultChannel: config.casesChannelId,
    });
    const [path, handler] = coralogixWebhookRoute({ secret: config.webhookSecret, notify, inflight, logger });
    routes.set(path, observedRoute('webhook', handler, services.observe));
  }
  const slackRequests = receiver && refuseWhenStopping(() => inflight.accepting, receiver.requestListener);
  const server = createHttpServer(routes, slackRequests, logger);
  // Any lookup reads the whole list when none is held yet: that is both the key check and the warm-up.
  const keyWatch = () => watchCoralogixKey({ probe: () => directory.byId('boot-check'), readiness, logger });
  let watching: ReturnType<typeof keyWatch> | undefined;
  let stopping: Promise<void> | undefined;

  return {
    services,
    bolt,
    async start() {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.http.port, config.http.host, () => resolve());
      });
      if (config.slack.socketMode) await bolt.start();
      watching = keyWatch();
      await watching.first;
      const port = (server.address() as AddressInfo).port;
      const { ready, reasons } = readiness.state();
      const mode = config.slack.socketMode ? 'socket' : 'http';
      logger.info({ port, mode, team: identity.teamId, ready, reasons }, 'case-assign serving');
      return { port };
    },
    stop() {
      stopping ??= (async () => {
        readiness.stop();
        watching?.stop();
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        if (config.slack.socketMode) await bolt.stop();
        const finished = await inflight.drain(SHUTDOWN_BOUND_MS);
        if (!finished) logger.warn({ running: inflight.size }, 'stopped with work still in flight');
        store.close();
        // Kept-alive connections would otherwise hold the server open until they time out.
        server.closeAllConnections();
        await closed;
      })();
      return stopping;
    },
  };
}
