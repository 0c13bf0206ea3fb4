import pino, { type DestinationStream, type Logger as PinoLogger } from 'pino';
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';

export type Logger = PinoLogger;

/** Slack tokens look alike everywhere; scrub any we did not know about too. */
const SLACK_TOKEN = /xox[abposr]-[A-Za-z0-9-]+|xapp-[A-Za-z0-9-]+/g;

/**
 * Structured JSON logs. Every line passes through the scrubber as its last step, so a secret that
 * slipped into an error message, a header dump or a URL still never reaches the output.
 */
export function createLogger(options: {
  level: string;
  secrets?: (string | undefined)[];
  destination?: DestinationStream;
}): Logger {
  const secrets = (options.secrets ?? []).filter((s): s is string => typeof s === 'string' && s.length >= 6);
  const scrub = (line: string): string => {
    let out = line.replace(SLACK_TOKEN, '[REDACTED]');
    for (const s of secrets) out = out.split(s).join('[REDACTED]');
    return out;
  };
  return pino(
    {
      level: options.level,
      base: { service: 'case-assign' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: {
        paths: ['*.authorization', '*.Authorization', '*.headers.authorization', '*.token', '*.apiKey', '*.secret'],
        censor: '[REDACTED]',
      },
      hooks: { streamWrite: scrub },
    },
    // Synchronous: lines stay in order and none is lost when the process exits; a few lines per
    // command cost far less than the network work they describe.
    options.destination ?? pino.destination({ dest: 1, sync: true }),
  );
}

const BOLT_TO_PINO: Record<LogLevel, string> = {
  [LogLevel.DEBUG]: 'debug',
  [LogLevel.INFO]: 'info',
  [LogLevel.WARN]: 'warn',
  [LogLevel.ERROR]: 'error',
};

/** Bolt and its Web API client log through ours, so their lines are JSON and scrubbed too. */
export function boltLogger(base: Logger): BoltLogger {
  let log = base.child({ component: 'bolt' });
  const write =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (...msgs: unknown[]): void => {
      const err = msgs.find((m): m is Error => m instanceof Error);
      const text = msgs.map((m) => (m instanceof Error ? m.message : typeof m === 'string' ? m : JSON.stringify(m)));
      if (err) log[level]({ err }, text.join(' '));
      else log[level](text.join(' '));
    };
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    setLevel: (level: LogLevel) => {
      log.level = BOLT_TO_PINO[level];
    },
    getLevel: () => (Object.entries(BOLT_TO_PINO).find(([, v]) => v === log.level)?.[0] as LogLevel) ?? LogLevel.INFO,
    setName: (name: string) => {
      log = base.child({ component: name });
    },
  };
}
