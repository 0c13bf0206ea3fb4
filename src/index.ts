import { config as loadDotenv } from 'dotenv';
import { createApp } from './app';
import { ConfigError, loadConfig } from './config';
import { createLogger } from './logger';

const SHUTDOWN_BOUND_MS = 10_000;

async function main(): Promise<void> {
  loadDotenv({ quiet: true });
  let config;
  try {
    config = loadConfig(process.env);
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\nSee .env.example and the README's settings table.\n`);
      process.exit(1);
    }
    throw e;
  }
  const logger = createLogger({
    level: config.logLevel,
    secrets: [
      config.slack.botToken,
      config.slack.signingSecret,
      config.slack.appToken,
      config.coralogix.apiKey,
      config.webhookSecret,
    ],
  });
  const app = await createApp(config, { logger });
  await app.start();

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping: no new work, finishing what is in flight');
    app
      .stop()
      .then(() => {
        logger.info('stopped');
        logger.flush();
        process.exit(0);
      })
      .catch((err: unknown) => {
        logger.error({ err }, 'unclean stop');
        logger.flush();
        process.exit(1);
      });
    setTimeout(() => process.exit(1), SHUTDOWN_BOUND_MS + 2000).unref();
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

main().catch((e: unknown) => {
  process.stderr.write(`case-assign could not start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
