import { ErrorCode as WebApiErrorCode, type WebClient } from '@slack/web-api';
import type { SlackMessage } from '../blocks/case-message';
import { AppError } from '../errors';
import { slackErrorOf } from '../slack/slack-error';

/** What the notifier needs of Slack; no Slack types cross this line. */
export interface SlackPoster {
  post(
    channel: string,
    message: SlackMessage | { text: string },
    threadTs?: string,
  ): Promise<{ channel: string; ts: string }>;
  update(channel: string, ts: string, message: SlackMessage): Promise<void>;
}

/** Slack errors that are about the moment (rate limit past our retries, network), not the request. */
export const SLACK_TRANSIENT = new Set(['ratelimited', 'unavailable']);

/**
 * The bot's Web API client does the retrying (429 after Retry-After, network errors), configured
 * in app.ts; what still fails comes out as AppError('slack_failed') with Slack's error string.
 */
export function slackPoster(client: WebClient): SlackPoster {
  return {
    async post(channel, message, threadTs) {
      const sent = await call('chat.postMessage', channel, () =>
        client.chat.postMessage({ channel, ...message, ...(threadTs === undefined ? {} : { thread_ts: threadTs }) }),
      );
      if (!sent.ts)
        throw new AppError('slack_failed', 'Slack chat.postMessage answered without a ts', { slackError: 'no_ts' });
      return { channel: sent.channel ?? channel, ts: sent.ts };
    },
    async update(channel, ts, message) {
      await call('chat.update', channel, () => client.chat.update({ channel, ts, ...message }));
    },
  };
}

async function call<T>(method: string, channel: string, send: () => Promise<T>): Promise<T> {
  try {
    return await send();
  } catch (e) {
    const slackError = posterErrorOf(e);
    throw new AppError(
      'slack_failed',
      `Slack ${method} in ${channel} failed: ${slackError}`,
      { slackError },
      { cause: e },
    );
  }
}

/** Slack's error string, or the word for a failure of the moment that SLACK_TRANSIENT knows. */
function posterErrorOf(e: unknown): string {
  const slackError = slackErrorOf(e);
  if (slackError) return slackError;
  if ((e as { code?: unknown } | undefined)?.code === WebApiErrorCode.RateLimitedError) return 'ratelimited';
  // The client's last error after its retries on 429 is a plain Error naming the rate limit.
  if (e instanceof Error && /rate limit/i.test(e.message)) return 'ratelimited';
  return 'unavailable';
}
