import { App, HTTPReceiver, LogLevel } from '@slack/bolt';

/**
 * The baseline: Bolt in HTTP mode with one command listener that only acknowledges. Whatever ack
 * latency this has, ours cannot beat; the bench prints the ratio. Run as its own process by run.ts.
 */
async function main(): Promise<void> {
  const [port, signingSecret] = process.argv.slice(2);
  const receiver = new HTTPReceiver({ signingSecret: signingSecret ?? '', logLevel: LogLevel.ERROR });
  // With the bot's ids given, Bolt asks Slack nothing (no auth.test) before handling a request.
  const app = new App({
    receiver,
    token: 'xoxb-bench-baseline',
    botId: 'B0BENCH',
    botUserId: 'U0BENCH',
    tokenVerificationEnabled: false,
    logLevel: LogLevel.ERROR,
  });
  app.command('/case-assign', async ({ ack }) => {
    await ack();
  });
  await app.start(Number(port));
  process.stdout.write('case-assign serving\n');
  process.once('SIGTERM', () => void app.stop().then(() => process.exit(0)));
}

void main();
