import fc from 'fast-check';

/**
 * Command texts a hostile or clumsy user could type, as Slack would deliver them: control
 * sequences that look like mentions, broadcasts and links, control and invisible characters,
 * any unicode, ids at and past the 64 characters the API takes, and 10 kB pastes.
 */
const WORDS = [
  'CASE-123',
  'case-123',
  'CASE 123',
  '123',
  'CASE-',
  '-123',
  'me',
  'ME',
  'help',
  'HELP',
  '@bob',
  '@here',
  '@channel',
  '<@U0002>',
  '<@U0002|bob>',
  '<@U0001>',
  '<@U0004|dave>',
  '<@U0005>',
  '<@UNKNOWN9>',
  '<@>',
  '<@|x>',
  '<@U0002|>',
  '<!here>',
  '<!channel>',
  '<!everyone>',
  '<!subteam^S0123|@oncall>',
  '<!date^1700000000^{date}|x>',
  '<#C0001|incidents>',
  '<http://evil.example|click>',
  '<https://evil.example>',
  '<mailto:a@b.c|a@b.c>',
  '<javascript:alert(1)|x>',
  '&amp;',
  '&lt;',
  '&gt;',
  '&',
  '<',
  '>',
  '|',
  '<<@U0002>>',
  '<@U0002',
  '@U0002>',
  '*bold*',
  '`code`',
  '~x~',
  '\u0000',
  '\u0007',
  '\u001b[31m',
  '\u200b',
  '\u200d',
  '\u2060',
  '\u00a0',
  '\u202e',
  '\ufeff',
  '\t',
  '\n',
  '\r\n',
  '😀',
  '👩‍👩‍👧',
  'ﷺ',
  'Ⅻ',
  'İ',
  'ß',
];

const uuid = fc.tuple(fc.uuid(), fc.boolean()).map(([u, upper]) => (upper ? u.toUpperCase() : u));

/** Readable ids of exactly `n` characters: CASE-000…1. */
const readableOfLength = (n: number) => `CASE-${'1'.padStart(n - 5, '0')}`;
const longIds = fc.constantFrom(
  readableOfLength(63),
  readableOfLength(64),
  readableOfLength(65),
  readableOfLength(200),
  `${'A'.repeat(60)}-123`,
  `${'a'.repeat(61)}-12`,
);

const randomMention = fc
  .tuple(fc.string({ maxLength: 20 }), fc.option(fc.string({ maxLength: 20 })))
  .map(([id, label]) => (label === null ? `<@${id}>` : `<@${id}|${label}>`));
const randomLink = fc
  .tuple(
    fc.constantFrom('http', 'https', 'ftp', '!', '#', '@'),
    fc.string({ maxLength: 30 }),
    fc.string({ maxLength: 30 }),
  )
  .map(([scheme, rest, label]) => `<${scheme}${rest}|${label}>`);

const fragment = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: uuid },
  { weight: 1, arbitrary: longIds },
  { weight: 1, arbitrary: randomMention },
  { weight: 1, arbitrary: randomLink },
);
const separator = fc.constantFrom(' ', '  ', '\t', '\n', '\u00a0', '', '\u200b');

const joined = fc
  .array(fc.tuple(fragment, separator), { maxLength: 8 })
  .map((parts) => parts.map(([f, s]) => f + s).join(''));

/** A real case first, so the text reaches Coralogix and the renderer as often as the grammar. */
const aimed = fc
  .tuple(fc.constantFrom('CASE-123', 'case-123', ' CASE-123', 'CASE-999'), separator, joined)
  .map(([id, sep, rest]) => `${id}${sep || ' '}${rest}`);

/** A real case and one more token: the shape of a valid command, with anything as the person. */
const aimedOne = fc
  .tuple(fc.constantFrom('CASE-123', 'case-123', 'CASE-999'), separator, fragment)
  .map(([id, sep, who]) => `${id}${sep || ' '}${who}`);

/** About 10 kB of anything, sometimes after a real case id. */
const paste = fc
  .tuple(fc.boolean(), fc.string({ unit: 'binary', minLength: 9_000, maxLength: 10_240 }))
  .map(([aimedAtCase, text]) => (aimedAtCase ? `CASE-123 ${text}` : text));

export const commandText: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: joined },
  { weight: 2, arbitrary: aimed },
  { weight: 3, arbitrary: aimedOne },
  { weight: 1, arbitrary: paste },
);

/** Text anywhere a string is shown: markup look-alikes, entities, huge, or empty. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...WORDS, '', ' ', '<!channel> *ping*', 'a&b<c>d', '&amp;lt;'),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.array(fc.constantFrom(...WORDS), { maxLength: 400 }).map((w) => w.join('')),
  fc.string({ unit: 'grapheme', minLength: 3_000, maxLength: 12_000 }),
);
