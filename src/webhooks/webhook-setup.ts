import type { WebClient } from '@slack/web-api';
import type { Config } from '../config';
import type { RouteHandler } from '../http/server';
import type { InFlight } from '../inflight';
import type { Logger } from '../logger';
import { observedRoute } from '../metrics/observe-route';
import type { Services } from '../services';
import type { CaseMessageStore } from '../store/case-message-store';
import { openSqliteStore } from '../store/sqlite-store';
import { createCaseNotifier } from './case-notifier';
import { coralogixWebhookRoute } from './coralogix-route';
import { slackPoster } from './slack-poster';

export interface Webhook {
  route: [string, RouteHandler];
  /** Close it once the route takes no more requests. */
  store: CaseMessageStore;
}

/**
 * `POST /webhooks/coralogix` and the store only it uses. Opening the store creates its file and
 * folder, so it happens here, once an installer chose WEBHOOK_SECRET, and never otherwise.
 */
export function setUpWebhook(
  secret: string,
  config: Pick<Config, 'databasePath' | 'casesChannelId'>,
  ctx: { services: Services; slack: WebClient; inflight: InFlight; logger: Logger },
): Webhook {
  const store = openSqliteStore(config.databasePath);
  const notify = createCaseNotifier({
    services: ctx.services,
    store,
    slack: slackPoster(ctx.slack),
    defaultChannel: config.casesChannelId,
  });
  const [path, handler] = coralogixWebhookRoute({ secret, notify, inflight: ctx.inflight, logger: ctx.logger });
  return { route: [path, observedRoute('webhook', handler, ctx.services.observe)], store };
}
