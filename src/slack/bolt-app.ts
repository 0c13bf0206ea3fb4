import { App, HTTPReceiver } from '@slack/bolt';
import type { WebClientOptions } from '@slack/web-api';
import type { Config } from '../config';
import type { InFlight } from '../inflight';
import { registerListeners } from '../listeners';
import type { Logger } from '../logger';
import type { Services } from '../services';
import type { BotIdentity } from './identity';

export interface BoltParts {
  bolt: App;
  /** HTTP mode only: its request listener is mounted on the app's one HTTP server. */
  receiver?: HTTPReceiver;
}

/**
 * Bolt in Socket Mode, or in HTTP mode behind a receiver, with every listener registered. Each
 * listener, including its work after ack(), is tracked in `inflight` so shutdown can wait for it.
 */
export function createBolt(
  config: Config,
  identity: BotIdentity,
  clientOptions: WebClientOptions,
  ctx: { services: Services; inflight: InFlight; logger: Logger },
): BoltParts {
  const slackLogger = clientOptions.logger;
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
  bolt.use(async ({ next }) => {
    await ctx.inflight.track(next());
  });
  registerListeners(bolt, ctx.services);
  bolt.error((error) => {
    ctx.logger.error({ err: error, code: error.code }, 'unhandled error in a Slack listener');
    return Promise.resolve();
  });
  return { bolt, receiver };
}
