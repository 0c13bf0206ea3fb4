import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../../src/config';
import { loadUserMapFile } from '../../src/users/mapping-file';

const UUID = '3af152ee-9eaf-4803-87f1-23c5fb2fbaa0';
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'user-map-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function writeMap(name: string, yaml: string): string {
  const path = join(dir, name);
  writeFileSync(path, yaml);
  return path;
}

/** Loads the file and returns the ConfigError it throws, failing the test if it loads. */
function loadFailure(path: string): ConfigError {
  try {
    loadUserMapFile(path);
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error('expected a ConfigError');
}

describe('loadUserMapFile', () => {
  it('reads Slack ids and e-mails mapped to Coralogix ids and e-mails', () => {
    const path = writeMap(
      'good.yaml',
      `users:
  - slack: U024BE7LH                 # by id
    coralogix: ${UUID.toUpperCase()}
  - slack: " Bob@Example.com "
    coralogix: bob@coralogix.example
`,
    );
    const map = loadUserMapFile(path);
    expect(map.bySlackId('U024BE7LH')).toEqual({ slack: 'U024BE7LH', coralogix: UUID });
    expect(map.bySlackEmail('bob@example.COM')?.coralogix).toBe('bob@coralogix.example');
    expect(map.byCoralogixId(UUID.toUpperCase())?.slack).toBe('U024BE7LH');
    expect(map.byCoralogixEmail(' BOB@coralogix.example')?.slack).toBe('Bob@Example.com');
  });

  it('keeps Slack id and e-mail lookups apart', () => {
    const map = loadUserMapFile(writeMap('apart.yaml', `users:\n  - slack: a@b.co\n    coralogix: ${UUID}\n`));
    expect(map.bySlackId('a@b.co')).toBeUndefined();
    expect(map.bySlackEmail('a@b.co')).toBeDefined();
    expect(map.byCoralogixEmail(UUID)).toBeUndefined();
  });

  it('accepts an empty list', () => {
    expect(loadUserMapFile(writeMap('empty-list.yaml', 'users: []\n')).entries).toEqual([]);
  });

  it('refuses a missing file, naming it', () => {
    const path = join(dir, 'nope.yaml');
    expect(loadFailure(path).message).toContain(path);
  });

  it('refuses YAML that does not parse, naming the file', () => {
    const path = writeMap('broken.yaml', 'users:\n  - slack: U1\n   coralogix: [\n');
    const error = loadFailure(path);
    expect(error.problems[0]).toContain(path);
    expect(error.problems[0]).toContain('not valid YAML');
  });

  it('refuses a file without a users list', () => {
    const error = loadFailure(writeMap('no-users.yaml', 'people:\n  - slack: U1\n'));
    expect(error.problems.join('\n')).toMatch(/users:/);
  });

  it('refuses an empty file', () => {
    expect(loadFailure(writeMap('blank.yaml', '')).problems[0]).toContain('users:');
  });

  it('names each bad entry by its index, all at once', () => {
    const path = writeMap(
      'bad-entries.yaml',
      `users:
  - slack: U1
    coralogix: ${UUID}
  - slack: U2
  - slack: bob smith
    coralogix: not-a-uuid
`,
    );
    const problems = loadFailure(path).problems;
    expect(problems).toEqual([
      expect.stringMatching(new RegExp(`${path}: users\\[1\\]\\.coralogix`)),
      expect.stringMatching(/users\[2\]\.slack: a Slack user id/),
      expect.stringMatching(/users\[2\]\.coralogix: a Coralogix user id \(a UUID\) or the Coralogix e-mail/),
    ]);
  });

  it('refuses two entries for one Slack user', () => {
    const path = writeMap(
      'dupes.yaml',
      `users:\n  - slack: a@b.co\n    coralogix: ${UUID}\n  - slack: A@B.CO\n    coralogix: c@d.co\n`,
    );
    expect(loadFailure(path).problems).toEqual([
      expect.stringContaining('users[1].slack: A@B.CO is already mapped by users[0]'),
    ]);
  });
});
