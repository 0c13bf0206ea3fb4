import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { ConfigError } from '../config-error';

/** One line of USER_MAP_FILE: each side is an id or an e-mail (design §6). */
export interface UserMapEntry {
  slack: string;
  coralogix: string;
}

/** Lookups over the explicit mappings; e-mails match trimmed and case-insensitively. */
export interface UserMap {
  readonly entries: readonly UserMapEntry[];
  bySlackId(slackUserId: string): UserMapEntry | undefined;
  bySlackEmail(email: string): UserMapEntry | undefined;
  byCoralogixId(coralogixUserId: string): UserMapEntry | undefined;
  byCoralogixEmail(email: string): UserMapEntry | undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Slack ids are opaque; all we can say is that they are one word and not an e-mail. */
const SLACK_ID = /^[^\s@<>|]+$/;

export const isEmail = (v: string): boolean => z.email().safeParse(v).success;
const emailKey = (v: string): string => v.trim().toLowerCase();
const slackKey = (v: string): string => (isEmail(v.trim()) ? emailKey(v) : v.trim());

const entrySchema = z.object(
  {
    slack: z
      .string({ error: 'required: a Slack user id or the Slack e-mail' })
      .trim()
      .refine((v) => SLACK_ID.test(v) || isEmail(v), 'a Slack user id (e.g. U024BE7LH) or the Slack e-mail'),
    coralogix: z
      .string({ error: 'required: a Coralogix user id (a UUID) or the Coralogix e-mail' })
      .trim()
      .refine((v) => UUID.test(v) || isEmail(v), 'a Coralogix user id (a UUID) or the Coralogix e-mail')
      .transform((v) => (UUID.test(v) ? v.toLowerCase() : v)),
  },
  { error: 'an entry with slack: and coralogix:' },
);

const fileSchema = z.object(
  { users: z.array(entrySchema, { error: 'a list of entries, each with slack: and coralogix:' }) },
  { error: 'a YAML mapping with a top-level users: list' },
);

/**
 * Reads USER_MAP_FILE at boot. Every problem is reported at once, naming the file and the entry
 * (`users[2].coralogix`), so an operator fixes the file in one go.
 */
export function loadUserMapFile(path: string): UserMap {
  const fail = (problems: string[]) => new ConfigError(problems.map((p) => `USER_MAP_FILE ${path}: ${p}`));
  const parsed = fileSchema.safeParse(readYaml(path, fail));
  if (!parsed.success) throw fail(parsed.error.issues.map((i) => `${where(i.path)}: ${i.message}`));
  const duplicates = duplicateSlackEntries(parsed.data.users);
  if (duplicates.length > 0) throw fail(duplicates);
  return createUserMap(parsed.data.users);
}

function readYaml(path: string, fail: (problems: string[]) => ConfigError): unknown {
  try {
    const doc = parseDocument(readFileSync(path, 'utf8'));
    if (doc.errors.length > 0)
      throw fail(doc.errors.map((e) => `not valid YAML: ${(e.message.split('\n')[0] ?? '').replace(/:$/, '')}`));
    return doc.toJS();
  } catch (e) {
    if (e instanceof ConfigError) throw e;
    throw fail([`cannot read it: ${e instanceof Error ? e.message : String(e)}`]);
  }
}

/** Builds the lookups; the first entry wins when two name the same Coralogix user. */
export function createUserMap(entries: readonly UserMapEntry[]): UserMap {
  const index = (side: keyof UserMapEntry, key: (v: string) => string) => {
    const map = new Map<string, UserMapEntry>();
    for (const entry of entries) if (!map.has(key(entry[side]))) map.set(key(entry[side]), entry);
    return (v: string) => map.get(key(v));
  };
  const slack = index('slack', slackKey);
  const coralogix = index('coralogix', emailKey);
  return {
    entries,
    bySlackId: (id) => (isEmail(id.trim()) ? undefined : slack(id)),
    bySlackEmail: (email) => (isEmail(email.trim()) ? slack(email) : undefined),
    byCoralogixId: (id) => (UUID.test(id.trim()) ? coralogix(id) : undefined),
    byCoralogixEmail: (email) => (isEmail(email.trim()) ? coralogix(email) : undefined),
  };
}

/** Two entries for one Slack user would make the winner depend on line order: refuse instead. */
function duplicateSlackEntries(entries: readonly UserMapEntry[]): string[] {
  const seen = new Map<string, number>();
  return entries.flatMap((entry, i) => {
    const key = slackKey(entry.slack);
    const first = seen.get(key);
    if (first === undefined) seen.set(key, i);
    return first === undefined ? [] : [`users[${i}].slack: ${entry.slack} is already mapped by users[${first}]`];
  });
}

function where(path: readonly PropertyKey[]): string {
  const text = path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
  return text.replace(/^\./, '') || 'top level';
}
