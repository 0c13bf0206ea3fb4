import { z } from 'zod';
import { ConfigError } from './config-error';
import { loadUserMapFile, type UserMap } from './users/mapping-file';

export { ConfigError } from './config-error';
import { blankToUndefined } from './blank-to-undefined';
import { CHANNEL_ID, CHANNEL_ID_EXPECTED } from './slack/channel-id';

export const REGIONS = {
  EU1: 'https://api.eu1.coralogix.com',
  EU2: 'https://api.eu2.coralogix.com',
  US1: 'https://api.us1.coralogix.com',
  US2: 'https://api.us2.coralogix.com',
  US3: 'https://api.us3.coralogix.com',
  AP1: 'https://api.ap1.coralogix.com',
  AP2: 'https://api.ap2.coralogix.com',
  AP3: 'https://api.ap3.coralogix.com',
} as const;

export type Region = keyof typeof REGIONS;

const optionalString = z.preprocess(blankToUndefined, z.string().trim().optional());
/** A whole number in range; one message says what is expected, whatever was wrong with the value. */
const intFrom = (def: number, min: number, max: number, what: string) => {
  const expected = `${what}, a whole number from ${min} to ${max}`;
  return z.preprocess(
    blankToUndefined,
    z.coerce.number({ error: expected }).int(expected).min(min, expected).max(max, expected).default(def),
  );
};

const originSchema = z
  .string()
  .trim()
  .refine((v) => {
    try {
      const u = new URL(v);
      return (u.protocol === 'https:' || u.protocol === 'http:') && (u.pathname === '/' || u.pathname === '');
    } catch {
      return false;
    }
  }, 'an origin such as https://api.eu2.coralogix.com (scheme://host[:port], no path)');

const envSchema = z.object({
  SLACK_BOT_TOKEN: z.preprocess(
    blankToUndefined,
    z
      .string({ error: 'required: the bot token, xoxb-…' })
      .trim()
      .startsWith('xoxb-', 'a bot token starting with xoxb-'),
  ),
  SLACK_SIGNING_SECRET: optionalString,
  SLACK_APP_TOKEN: z.preprocess(
    blankToUndefined,
    z.string().trim().startsWith('xapp-', 'an app-level token starting with xapp-').optional(),
  ),
  SLACK_API_URL: z.preprocess(
    blankToUndefined,
    z.url({ error: 'a URL such as https://slack.com/api/' }).default('https://slack.com/api/'),
  ),
  PORT: intFrom(3000, 0, 65535, 'a port'),
  HOST: z.preprocess(blankToUndefined, z.string().trim().default('0.0.0.0')),
  CORALOGIX_API_KEY: z.preprocess(
    blankToUndefined,
    z.string({ error: 'required: a Coralogix API key with case:Read and case:Assign' }).trim().min(1),
  ),
  CORALOGIX_REGION: z.preprocess(
    (v) => (typeof v === 'string' ? blankToUndefined(v.trim().toUpperCase()) : v),
    z
      .enum(Object.keys(REGIONS) as [Region, ...Region[]], { error: `one of ${Object.keys(REGIONS).join(' ')}` })
      .optional(),
  ),
  CORALOGIX_API_URL: z.preprocess(blankToUndefined, originSchema.optional()),
  CORALOGIX_TIMEOUT_MS: intFrom(5000, 100, 60000, 'milliseconds'),
  USER_MAP_FILE: optionalString,
  CASES_CHANNEL_ID: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .regex(CHANNEL_ID, `${CHANNEL_ID_EXPECTED} (channel → View channel details → the id at the bottom)`)
      .optional(),
  ),
  WEBHOOK_SECRET: z.preprocess(
    blankToUndefined,
    z
      .string()
      .min(16, 'at least 16 characters (a random secret, e.g. openssl rand -hex 32)')
      // The Authorization header carries the secret as one word: one with a space could never match.
      .regex(/^\S+$/, 'no spaces or other whitespace (a random secret, e.g. openssl rand -hex 32)')
      .optional(),
  ),
  DATABASE_PATH: z.preprocess(blankToUndefined, z.string().default('./data/case-assign.db')),
  LOG_LEVEL: z.preprocess(
    (v) => (typeof v === 'string' ? blankToUndefined(v.trim().toLowerCase()) : v),
    z.enum(['debug', 'info', 'warn', 'error'], { error: 'one of debug info warn error' }).default('info'),
  ),
});

export interface Config {
  slack: {
    botToken: string;
    signingSecret?: string;
    appToken?: string;
    apiUrl: string;
    socketMode: boolean;
  };
  http: { port: number; host: string };
  coralogix: { apiKey: string; origin: string; timeoutMs: number };
  /** USER_MAP_FILE, read and checked at boot with the rest. */
  userMap?: UserMap;
  casesChannelId?: string;
  webhookSecret?: string;
  databasePath: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
}

/** Every secret the config holds, for the log scrubber; unset ones are left out. */
export function secretsOf(config: Config): string[] {
  const { slack, coralogix, webhookSecret } = config;
  return [slack.botToken, slack.signingSecret, slack.appToken, coralogix.apiKey, webhookSecret].filter(
    (s): s is string => s !== undefined,
  );
}

/** Variables whose presence means someone meant to configure a real installation. */
export const CONNECTION_VARIABLES = [
  'SLACK_BOT_TOKEN',
  'SLACK_SIGNING_SECRET',
  'SLACK_APP_TOKEN',
  'CORALOGIX_API_KEY',
  'CORALOGIX_REGION',
  'CORALOGIX_API_URL',
] as const;

/** True when no Slack or Coralogix variable is set at all: a fresh clone, so the playground starts. */
export function isUnconfigured(env: NodeJS.ProcessEnv): boolean {
  return CONNECTION_VARIABLES.every((name) => (env[name] ?? '').trim() === '');
}

const isSet = (v: string | undefined): v is string => (v ?? '').trim() !== '';

/** Checked apart from the schema so they are reported even when other variables are malformed. */
function crossFieldProblems(env: NodeJS.ProcessEnv): string[] {
  const problems: string[] = [];
  if (!isSet(env.SLACK_APP_TOKEN) && !isSet(env.SLACK_SIGNING_SECRET)) {
    problems.push('SLACK_SIGNING_SECRET: required in HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)');
  }
  if (!isSet(env.CORALOGIX_REGION) && !isSet(env.CORALOGIX_API_URL)) {
    problems.push(`CORALOGIX_REGION: set CORALOGIX_REGION (${Object.keys(REGIONS).join(' ')}) or CORALOGIX_API_URL`);
  }
  return problems;
}

/** The mapping file is part of the configuration: its problems are reported with the variables'. */
function readUserMap(path: string | undefined, problems: string[]): UserMap | undefined {
  if (!isSet(path)) return undefined;
  try {
    return loadUserMapFile(path.trim());
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    problems.push(...e.problems);
    return undefined;
  }
}

/**
 * Reads the environment once, at boot. Reports every problem at once, naming the variable and what
 * it should look like; never echoes a value, since most of these are secrets.
 */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = envSchema.safeParse(env);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((i) => `${i.path.join('.') || 'environment'}: ${i.message}`);
  problems.push(...crossFieldProblems(env));
  const userMap = readUserMap(env.USER_MAP_FILE, problems);
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const e = parsed.data;
  const origin = (e.CORALOGIX_API_URL ?? REGIONS[e.CORALOGIX_REGION as Region]).replace(/\/+$/, '');
  return {
    slack: {
      botToken: e.SLACK_BOT_TOKEN,
      signingSecret: e.SLACK_SIGNING_SECRET,
      appToken: e.SLACK_APP_TOKEN,
      apiUrl: e.SLACK_API_URL.endsWith('/') ? e.SLACK_API_URL : `${e.SLACK_API_URL}/`,
      socketMode: Boolean(e.SLACK_APP_TOKEN),
    },
    http: { port: e.PORT, host: e.HOST },
    coralogix: { apiKey: e.CORALOGIX_API_KEY, origin, timeoutMs: e.CORALOGIX_TIMEOUT_MS },
    userMap,
    casesChannelId: e.CASES_CHANNEL_ID,
    webhookSecret: e.WEBHOOK_SECRET,
    databasePath: e.DATABASE_PATH,
    logLevel: e.LOG_LEVEL,
  };
}
