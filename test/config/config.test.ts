import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, isUnconfigured, loadConfig, secretsOf } from '../../src/config';

const valid = {
  SLACK_BOT_TOKEN: 'xoxb-1-2-abc',
  SLACK_SIGNING_SECRET: 'signing-secret-value',
  CORALOGIX_API_KEY: 'cxtp_secretkey',
  CORALOGIX_REGION: 'eu2',
};

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  return [];
}

describe('loadConfig', () => {
  it('reads a complete HTTP-mode environment with defaults', () => {
    const c = loadConfig(valid);
    expect(c.slack.socketMode).toBe(false);
    expect(c.coralogix.origin).toBe('https://api.eu2.coralogix.com');
    expect(c.http).toEqual({ port: 3000, host: '0.0.0.0' });
    expect(c.coralogix.timeoutMs).toBe(5000);
    expect(c.databasePath).toBe('./data/case-assign.db');
    expect(c.slack.apiUrl).toBe('https://slack.com/api/');
  });

  it('runs in Socket Mode when an app token is set, without a signing secret', () => {
    const c = loadConfig({ ...valid, SLACK_SIGNING_SECRET: '', SLACK_APP_TOKEN: 'xapp-1-A1-xyz' });
    expect(c.slack.socketMode).toBe(true);
  });

  it('lets CORALOGIX_API_URL win over the region and drops a trailing slash', () => {
    expect(loadConfig({ ...valid, CORALOGIX_API_URL: 'http://127.0.0.1:8080/' }).coralogix.origin).toBe(
      'http://127.0.0.1:8080',
    );
  });

  it('names every bad variable at once', () => {
    const found = problems({
      SLACK_BOT_TOKEN: 'xapp-wrong-kind',
      CORALOGIX_REGION: 'MARS',
      PORT: 'eighty',
      LOG_LEVEL: 'loud',
      CORALOGIX_API_URL: 'ftp://x/y',
    });
    const vars = found.map((p) => p.split(':')[0]);
    expect(vars).toEqual(
      expect.arrayContaining([
        'SLACK_BOT_TOKEN',
        'CORALOGIX_API_KEY',
        'CORALOGIX_REGION',
        'PORT',
        'LOG_LEVEL',
        'CORALOGIX_API_URL',
        'SLACK_SIGNING_SECRET',
      ]),
    );
  });

  it('never echoes a secret value in its message', () => {
    const secret = 'super-secret-signing-value';
    const found = problems({ SLACK_BOT_TOKEN: secret, SLACK_SIGNING_SECRET: secret, CORALOGIX_API_KEY: '' });
    expect(found.join('\n')).not.toContain(secret);
  });

  it('refuses a channel name in CASES_CHANNEL_ID, asking for the id', () => {
    expect(problems({ ...valid, CASES_CHANNEL_ID: '#incidents' })).toEqual([
      expect.stringMatching(/^CASES_CHANNEL_ID: a Slack channel id such as C0123ABCD, not a #name/),
    ]);
    expect(problems({ ...valid, CASES_CHANNEL_ID: 'c0123abcd' })).toHaveLength(1);
    expect(loadConfig({ ...valid, CASES_CHANNEL_ID: ' C0123ABCD ' }).casesChannelId).toBe('C0123ABCD');
  });

  it('refuses a WEBHOOK_SECRET with whitespace, which no Authorization header could carry', () => {
    const secret = 'correct horse battery staple';
    const found = problems({ ...valid, WEBHOOK_SECRET: secret });
    expect(found).toEqual([expect.stringMatching(/^WEBHOOK_SECRET: no spaces or other whitespace/)]);
    expect(found.join('\n')).not.toContain(secret);
    expect(loadConfig({ ...valid, WEBHOOK_SECRET: 'a'.repeat(32) }).webhookSecret).toBe('a'.repeat(32));
  });

  it('asks for a region or an API URL', () => {
    expect(problems({ ...valid, CORALOGIX_REGION: '' })).toEqual([
      expect.stringMatching(/^CORALOGIX_REGION: set CORALOGIX_REGION \(EU1 .*\) or CORALOGIX_API_URL$/),
    ]);
  });
});

describe('USER_MAP_FILE', () => {
  it('is read at boot, and its problems are named with the other variables', () => {
    const found = problems({ ...valid, CORALOGIX_REGION: 'MARS', USER_MAP_FILE: '/nonexistent/user-map.yml' });
    expect(found).toEqual([
      expect.stringMatching(/^CORALOGIX_REGION: /),
      expect.stringMatching(/^USER_MAP_FILE \/nonexistent\/user-map\.yml: cannot read it/),
    ]);
  });

  it('is parsed into the configuration', () => {
    const dir = mkdtempSync(join(tmpdir(), 'case-assign-config-'));
    const file = join(dir, 'map.yml');
    writeFileSync(file, 'users:\n  - slack: U024BE7LH\n    coralogix: bob@example.com\n');
    const map = loadConfig({ ...valid, USER_MAP_FILE: file }).userMap;
    expect(map?.bySlackId('U024BE7LH')?.coralogix).toBe('bob@example.com');
  });
});

describe('isUnconfigured', () => {
  it('is true for a fresh clone with nothing set', () => {
    expect(isUnconfigured({ PATH: '/usr/bin', PORT: '3000' })).toBe(true);
  });
  it('is false as soon as one Slack or Coralogix variable is set', () => {
    expect(isUnconfigured({ CORALOGIX_REGION: 'EU2' })).toBe(false);
  });
});

describe('secretsOf', () => {
  it('lists every secret the config holds, for the log scrubber', () => {
    const config = loadConfig({
      ...valid,
      SLACK_APP_TOKEN: 'xapp-1-A1-xyz',
      WEBHOOK_SECRET: 'webhook-secret-0123456789',
    });
    expect(secretsOf(config).sort()).toEqual(
      ['xoxb-1-2-abc', 'signing-secret-value', 'xapp-1-A1-xyz', 'cxtp_secretkey', 'webhook-secret-0123456789'].sort(),
    );
  });

  it('leaves out the ones that are not set', () => {
    expect(secretsOf(loadConfig(valid)).sort()).toEqual(['cxtp_secretkey', 'signing-secret-value', 'xoxb-1-2-abc']);
  });
});
