import { WebClient, type WebClientOptions } from '@slack/web-api';
import { AppError } from '../errors';
import { slackErrorOf } from './slack-error';

export interface BotIdentity {
  teamId?: string;
  botId?: string;
  botUserId?: string;
}

/**
 * auth.test once at boot: proves the token works, names the home workspace, and lets Bolt skip its
 * own call (which, when it fails, takes the whole process down with an unhandled rejection).
 */
export async function checkBotToken(token: string, options: WebClientOptions): Promise<BotIdentity> {
  const client = new WebClient(token, { ...options, retryConfig: { retries: 1, minTimeout: 200, maxTimeout: 1000 } });
  try {
    const r = await client.auth.test();
    return { teamId: r.team_id, botId: r.bot_id, botUserId: r.user_id };
  } catch (e) {
    const slackError = slackErrorOf(e);
    throw new AppError(
      'slack_failed',
      slackError
        ? `Slack refused SLACK_BOT_TOKEN (${slackError}); reinstall the app and copy the Bot User OAuth Token`
        : `Slack could not be reached at ${options.slackApiUrl ?? 'https://slack.com/api/'}: ${(e as Error).message}`,
      { slackError },
      { cause: e },
    );
  }
}

/**
 * Socket Mode's first call is apps.connections.open with the app-level token: a refusal there names
 * that token, not the bot's, so the installer knows which of the two to replace.
 */
export async function connectSocketMode(start: () => Promise<unknown>): Promise<void> {
  try {
    await start();
  } catch (e) {
    const slackError = slackErrorOf(e);
    throw new AppError(
      'slack_failed',
      slackError
        ? `Slack refused SLACK_APP_TOKEN (${slackError}); generate an app-level token with the connections:write scope under Basic Information → App-Level Tokens`
        : `Socket Mode could not connect: ${(e as Error).message}`,
      { slackError },
      { cause: e },
    );
  }
}
