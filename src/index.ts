import { config as loadDotenv } from 'dotenv';
import { createApp } from './app';
import { ConfigError, isUnconfigured, loadConfig, secretsOf } from './config';
import { createLogger } from './logger';
import { startProblem } from './start-problem';

const SHUTDOWN_BOUND_MS = 10_000;

async function main(): Promise<void> {
  loadDotenv({ quiet: true });
  // A fresh clone, nothing configured: show the product locally. A partial configuration is an error below.
  if (isUnconfigured(process.env)) {
    const { playgroundSettings } = await import('./playground/settings');
    const { runPlayground } = await import('./playground/main');
    const settings = playgroundSettings(process.env);
    process.stdout.write(
      `no Slack credentials: starting the local playground at http://localhost:${settings.port}; ` +
        'set SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN), CORALOGIX_API_KEY and CORALOGIX_REGION ' +
        'to connect to Slack (see .env.example)\n',
    );
    await runPlayground(settings);
    return;
  }
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
    secrets: secretsOf(config),
  });
  const app = await createApp(config, { logger });
  await app.start();

  // Logs are written asynchronously: exit only once the last lines are out.
  const exitAfterLogs = (code: number) => logger.flush(() => process.exit(code));
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping: no new work, finishing what is in flight');
    app
      .stop()
      .then(() => {
        logger.info('stopped');
        exitAfterLogs(0);
      })
      .catch((err: unknown) => {
        logger.error({ err }, 'unclean stop');
        exitAfterLogs(1);
      });
    setTimeout(() => process.exit(1), SHUTDOWN_BOUND_MS + 2000).unref();
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

main().catch((e: unknown) => {
  process.stderr.write(`case-assign could not start: ${startProblem(e)}\n`);
  process.exit(1);
});
