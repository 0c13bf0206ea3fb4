import type { AddressInfo } from 'node:net';
import type { App } from '@slack/bolt';
import { WebClient, type WebClientOptions } from '@slack/web-api';
import type { Config } from './config';
import { watchCoralogixKey } from './coralogix/key-check';
import { healthRoutes } from './http/health';
import { Readiness } from './http/readiness';
import { createHttpServer, refuseWhenStopping, type Routes } from './http/server';
import { InFlight } from './inflight';
import { boltLogger } from './logger';
import { metricHooks } from './metrics/hooks';
import { createMetrics } from './metrics/registry';
import { metricsRoute } from './metrics/route';
import type { Services } from './services';
import { buildServices, type ServiceDeps } from './services-factory';
import { createBolt } from './slack/bolt-app';
import { checkBotToken, connectSocketMode } from './slack/identity';
import { setUpWebhook } from './webhooks/webhook-setup';

export interface CaseAssignApp {
  services: Services;
  bolt: App;
  /** Listens on config.http; resolves with the bound port (0 picks a free one). */
  start(): Promise<{ port: number }>;
  /** Takes no new work, lets what is in flight finish, then closes everything. */
  stop(): Promise<void>;
}

/** `coralogix` replaces the client built from the config; `coralogixRetry` shortens its backoff (tests). */
export interface AppDeps extends ServiceDeps {
  /** Tests shorten it so that a Slack that never answers does not slow the suite. */
  slackTimeoutMs?: number;
}

/** How long shutdown waits for work in flight. */
const SHUTDOWN_BOUND_MS = 8000;

/** Slack Web API calls: a short retry budget, since a user is waiting for every answer. */
const SLACK_RETRIES = { retries: 2, factor: 2, minTimeout: 200, maxTimeout: 2000 };

/** Per Slack attempt, Web API and response_url alike: a call that hangs would hold the answer and shutdown. */
const SLACK_TIMEOUT_MS = 5000;

export async function createApp(config: Config, deps: AppDeps): Promise<CaseAssignApp> {
  const { logger } = deps;
  const metrics = createMetrics();
  const slackTimeoutMs = deps.slackTimeoutMs ?? SLACK_TIMEOUT_MS;
  const hooks = metricHooks(metrics, config.slack.apiUrl, slackTimeoutMs);
  // Bolt's respond() sends through this fetch too, so response_url posts are timed and bounded as well.
  const clientOptions: WebClientOptions = {
    slackApiUrl: config.slack.apiUrl,
    retryConfig: SLACK_RETRIES,
    timeout: slackTimeoutMs,
    fetch: hooks.slackFetch,
    logger: boltLogger(logger),
  };

  // Identity: auth.test proves the token and names the home workspace before anything listens.
  const identity = await checkBotToken(config.slack.botToken, clientOptions);

  // Services: what the use-cases run on; their users.* lookups get a client of their own, with the same options.
  const slackUsers = new WebClient(config.slack.botToken, clientOptions).users;
  const slack = { users: slackUsers, homeTeamId: identity.teamId };
  const { services, directory } = buildServices(config, deps, slack, hooks);

  // Bolt: the listeners, each tracked in `inflight` so that shutdown can wait for it.
  const inflight = new InFlight();
  const { bolt, receiver } = createBolt(config, identity, clientOptions, { services, inflight, logger });

  // Routes: health and metrics always; the webhook, and the store only it uses, once a secret is chosen.
  // auth.test above already proved the bot token; the key is proved when the app starts.
  const readiness = new Readiness(['coralogix']);
  const routes: Routes = new Map([...healthRoutes(readiness), metricsRoute(metrics)]);
  const webhook = config.webhookSecret
    ? setUpWebhook(config.webhookSecret, config, { services, slack: bolt.client, inflight, logger })
    : undefined;
  if (webhook) routes.set(...webhook.route);
  const store = webhook?.store;

  // Server: one HTTP server for Slack requests (HTTP mode) and the routes; 503 to Slack while stopping.
  const slackRequests = receiver && refuseWhenStopping(() => inflight.accepting, receiver.requestListener);
  const server = createHttpServer(routes, slackRequests, logger);

  // Lifecycle. Any lookup reads the whole directory when none is held yet: the key check and the warm-up.
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
      if (config.slack.socketMode) {
        // A refused token must not leave the port held by a half-started app.
        await connectSocketMode(() => bolt.start()).catch((e: unknown) => {
          server.close();
          throw e;
        });
      }
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
        store?.close();
        // Kept-alive connections would otherwise hold the server open until they time out.
        server.closeAllConnections();
        await closed;
      })();
      return stopping;
    },
  };
}
