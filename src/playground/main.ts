import { randomBytes } from 'node:crypto';
import { createApp } from '../app';
import { loadConfig, secretsOf } from '../config';
import { createLogger, type Logger } from '../logger';
import { startCoralogixEmulator } from './coralogix-emulator';
import { close, listen } from './http-util';
import { createPageServer } from './page-server';
import { CHANNEL } from './people';
import { playgroundSettings, type PlaygroundSettings } from './settings';
import { startSlackEmulator } from './slack-emulator';
import { startProblem } from '../start-problem';

export interface Playground {
  /** The page: `http://localhost:PORT`. */
  url: string;
  /** The real app behind it, for /healthz, /readyz, /metrics and the webhook. */
  appUrl: string;
  /** The webhook's bearer secret: made up for this run, it guards nothing outside it. */
  webhookSecret: string;
  stop(): Promise<void>;
}

export interface PlaygroundOptions {
  /** The page's port; 0 picks a free one. */
  port: number;
  logLevel?: PlaygroundSettings['logLevel'];
  /** Where the app's log lines go; stdout when not given. */
  logger?: Logger;
}

/**
 * The whole product on loopback: the real app, unchanged, in HTTP mode, wired to the Slack and
 * Coralogix emulators, and the page that plays the Slack channel. The page's port is taken first,
 * so a busy port fails before anything else starts.
 */
export async function startPlayground(opts: PlaygroundOptions): Promise<Playground> {
  const page = createPageServer();
  const port = await listen(page.server, opts.port);
  const url = `http://localhost:${port}`;
  const stops: Array<() => Promise<void>> = [() => close(page.server)];
  const stop = async () => {
    for (const s of stops.reverse()) await s();
  };
  try {
    const slack = await startSlackEmulator();
    stops.push(() => slack.close());
    const coralogix = await startCoralogixEmulator({ caseLink: (id) => `${url}/#case=${encodeURIComponent(id)}` });
    stops.push(() => coralogix.close());

    const webhookSecret = randomBytes(24).toString('hex');
    const config = loadConfig({
      SLACK_BOT_TOKEN: slack.botToken,
      SLACK_SIGNING_SECRET: slack.signingSecret,
      SLACK_API_URL: slack.apiUrl,
      CORALOGIX_API_KEY: coralogix.apiKey,
      CORALOGIX_API_URL: coralogix.origin,
      PORT: '0',
      HOST: '127.0.0.1',
      WEBHOOK_SECRET: webhookSecret,
      CASES_CHANNEL_ID: CHANNEL.id,
      // Nothing of the playground outlives it.
      DATABASE_PATH: ':memory:',
      LOG_LEVEL: opts.logLevel ?? 'info',
    });
    const logger =
      opts.logger ??
      createLogger({
        level: config.logLevel,
        secrets: secretsOf(config),
      });
    const app = await createApp(config, { logger });
    const started = await app.start();
    stops.push(() => app.stop());

    const appOrigin = `http://127.0.0.1:${started.port}`;
    slack.connect(`${appOrigin}/slack/events`);
    page.attach({ slack, coralogix, webhookUrl: `${appOrigin}/webhooks/coralogix`, webhookSecret });
    return { url, appUrl: appOrigin, webhookSecret, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}

/** Starts the playground, prints where it is, and stops it cleanly on SIGINT or SIGTERM. */
export async function runPlayground(settings: PlaygroundSettings): Promise<void> {
  const playground = await startPlayground({ port: settings.port, logLevel: settings.logLevel });
  process.stdout.write(
    `\n  case-assign playground: open ${playground.url}\n` +
      `  the app itself: ${playground.appUrl} (/healthz, /readyz, /metrics; POST /webhooks/coralogix with\n` +
      `  Authorization: Bearer ${playground.webhookSecret}, a secret made up for this run)\n` +
      '  (Ctrl-C stops it)\n\n',
  );
  const stop = (signal: string) => {
    process.stdout.write(`${signal}: stopping the playground\n`);
    playground.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

if (require.main === module) {
  runPlayground(playgroundSettings(process.env)).catch((e: unknown) => {
    process.stderr.write(`the playground could not start: ${startProblem(e)}\n`);
    process.exit(1);
  });
}
