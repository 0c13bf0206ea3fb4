import { createApp, type CaseAssignApp } from '../../src/app';
import { loadConfig, secretsOf } from '../../src/config';
import { createLogger } from '../../src/logger';
import { openapiDir, startFakeCoralogix, type FakeCase, type FakeCoralogix } from '../fakes/coralogix-server';
import { startFakeSlack, type FakeSlack } from '../fakes/slack-server';
import { allLogLines, leakedSecrets, rememberSecrets } from './log-lines';
import { DEFAULT_IDS, blockActionsPayload, type BlockActionsPayload, type DeepPartial } from './slack-payloads';
import { SIGNING_SECRET, blockActionsBody, postSigned, slashCommandBody, type SignedResponse } from './slack-requests';

/** The people of the fake workspace and team; tests refer to them by name. */
export const PEOPLE = {
  alice: { slack: DEFAULT_IDS.user, email: 'alice@example.com', cx: '3af152ee-9eaf-4803-87f1-23c5fb2fbaa0' },
  bob: { slack: 'U0002', email: 'Bob.Smith@example.com', cx: '5b1c7d0e-2f3a-4b5c-8d9e-0f1a2b3c4d5e' },
  /** Hides their e-mail from the app. */
  carol: { slack: 'U0003', email: undefined, cx: undefined },
  /** Has a Slack account but no Coralogix one. */
  dave: { slack: 'U0004', email: 'dave@example.com', cx: undefined },
  /** From another workspace, met in a shared channel. */
  eve: { slack: 'U0005', email: 'eve@partner.example', cx: undefined },
} as const;

export const CORALOGIX_KEY = 'cxtp_e2e_secret_key_4f9a0c';
export const FOREIGN_TEAM = 'T0999';

export interface Harness {
  app: CaseAssignApp;
  url: string;
  slack: FakeSlack;
  coralogix: FakeCoralogix;
  /** Every log line the app wrote, parsed. */
  logs: Array<Record<string, unknown>>;
  rawLogs: string[];
  case123: FakeCase;
  /** Sends `/case-assign <text>` as alice unless overridden; the response_url is the fake's. */
  command(text: string, overrides?: Record<string, string>): Promise<SignedResponse & { responseUrl: string }>;
  /** Sends a signed block_actions payload whose response_url is the fake's. */
  click(overrides: DeepPartial<BlockActionsPayload>): Promise<SignedResponse & { responseUrl: string }>;
  /** Stops the app and starts a new one with the same env (and DATABASE_PATH); the fakes stay. `url` changes. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  env?: Record<string, string>;
  socketMode?: boolean;
  /** Shortens the app's Slack timeout, for tests of a Slack that never answers. */
  slackTimeoutMs?: number;
}

export async function startHarness(opts: HarnessOptions = {}): Promise<Harness> {
  const slack = await startFakeSlack({ teamId: DEFAULT_IDS.team });
  const coralogix = await startFakeCoralogix({ apiKey: CORALOGIX_KEY, openapiDir });
  slack.addUser({
    id: PEOPLE.alice.slack,
    teamId: DEFAULT_IDS.team,
    name: 'alice',
    realName: 'Alice Jones',
    email: PEOPLE.alice.email,
  });
  slack.addUser({
    id: PEOPLE.bob.slack,
    teamId: DEFAULT_IDS.team,
    name: 'bob',
    realName: 'Bob Smith',
    email: 'bob.smith@example.com ',
  });
  slack.addUser({ id: PEOPLE.carol.slack, teamId: DEFAULT_IDS.team, name: 'carol', realName: 'Carol Hidden' });
  slack.addUser({
    id: PEOPLE.dave.slack,
    teamId: DEFAULT_IDS.team,
    name: 'dave',
    realName: 'Dave Nocx',
    email: PEOPLE.dave.email,
  });
  slack.addUser({
    id: PEOPLE.eve.slack,
    teamId: FOREIGN_TEAM,
    name: 'eve',
    realName: 'Eve Partner',
    email: PEOPLE.eve.email,
  });
  coralogix.addTeammate({ id: PEOPLE.alice.cx, email: PEOPLE.alice.email, firstName: 'Alice', lastName: 'Jones' });
  coralogix.addTeammate({ id: PEOPLE.bob.cx, email: PEOPLE.bob.email, firstName: 'Bob', lastName: 'Smith' });
  const case123 = coralogix.addCase({ readableId: 'CASE-123', title: 'Checkout latency above SLO' });

  const rawLogs: string[] = [];
  const logs: Array<Record<string, unknown>> = [];
  const destination = {
    write(line: string) {
      rawLogs.push(line);
      allLogLines.push(line);
      logs.push(JSON.parse(line) as Record<string, unknown>);
    },
  };
  const env: Record<string, string> = {
    SLACK_BOT_TOKEN: slack.botToken,
    SLACK_API_URL: slack.apiUrl,
    CORALOGIX_API_KEY: CORALOGIX_KEY,
    CORALOGIX_API_URL: coralogix.origin,
    CORALOGIX_TIMEOUT_MS: '4000',
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'debug',
    // Tests that need the store to outlive a restart pass a file in a temp dir.
    DATABASE_PATH: ':memory:',
    ...(opts.socketMode ? { SLACK_APP_TOKEN: slack.appToken } : { SLACK_SIGNING_SECRET: SIGNING_SECRET }),
    ...opts.env,
  };
  const config = loadConfig(env);
  const secrets = new Map(
    Object.entries({
      'the bot token': config.slack.botToken,
      'the signing secret': config.slack.signingSecret ?? SIGNING_SECRET,
      'the app token': config.slack.appToken ?? slack.appToken,
      'the Coralogix key': config.coralogix.apiKey,
      'the webhook secret': config.webhookSecret,
    }).filter((e): e is [string, string] => e[1] !== undefined),
  );
  rememberSecrets(Object.fromEntries(secrets));
  const logger = createLogger({
    level: config.logLevel,
    secrets: secretsOf(config),
    destination,
  });
  const boot = async () => {
    const started = await createApp(config, {
      logger,
      coralogixRetry: { baseDelayMs: 20, maxDelayMs: 200 },
      slackTimeoutMs: opts.slackTimeoutMs,
    });
    const { port } = await started.start();
    return { app: started, url: `http://127.0.0.1:${port}` };
  };
  // A start that fails must not leave the fakes listening, or Jest waits for them forever.
  let { app, url } = await boot().catch(async (e: unknown) => {
    await slack.close();
    await coralogix.close();
    throw e;
  });

  const harness: Harness = {
    app,
    url,
    slack,
    coralogix,
    logs,
    rawLogs,
    case123,
    async command(text, overrides = {}) {
      const responseUrl = slack.responseUrl();
      const res = await postSigned(
        `${url}/slack/events`,
        slashCommandBody({ text, response_url: responseUrl, ...overrides }),
      );
      return { ...res, responseUrl };
    },
    async click(overrides) {
      const responseUrl = slack.responseUrl();
      const payload = blockActionsPayload({ response_url: responseUrl, ...overrides });
      const res = await postSigned(`${url}/slack/events`, blockActionsBody(payload));
      return { ...res, responseUrl };
    },
    async restart() {
      await app.stop();
      ({ app, url } = await boot());
      harness.app = app;
      harness.url = url;
    },
    async close() {
      await app.stop();
      await slack.close();
      await coralogix.close();
      // Every test file that starts a harness also checks that its logs kept every secret out.
      const leaked = leakedSecrets(rawLogs, secrets);
      if (leaked.length > 0) throw new Error(`the app logged ${leaked.join(', ')}`);
    },
  };
  return harness;
}
