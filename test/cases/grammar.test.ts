import fc from 'fast-check';
import { AppError } from '../../src/errors';
import { parseCommand } from '../../src/cases/grammar';
import { looksLikeCaseId, normalizeCaseId } from '../../src/cases/case-id';

const UUID = '3AF152EE-9EAF-4803-87F1-23C5FB2FBAA0';

/** Runs the parser and returns the AppError it throws, failing the test if it returns instead. */
function failure(text: string): AppError {
  try {
    const command = parseCommand(text);
    throw new Error(`expected a failure, got ${JSON.stringify(command)}`);
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    return e;
  }
}

describe('parseCommand: what assigns', () => {
  it.each([
    ['CASE-123 <@U1>', 'CASE-123', { kind: 'user', slackUserId: 'U1' }],
    ['CASE-123 <@W0ABC|bob>', 'CASE-123', { kind: 'user', slackUserId: 'W0ABC' }],
    ['case-123 me', 'CASE-123', { kind: 'me' }],
    ['CASE-123 ME', 'CASE-123', { kind: 'me' }],
    ['CASE-123', 'CASE-123', { kind: 'me' }],
    [UUID, UUID.toLowerCase(), { kind: 'me' }],
    [`${UUID} <@U024BE7LH|bob smith>`, UUID.toLowerCase(), { kind: 'user', slackUserId: 'U024BE7LH' }],
    ['CASE-7 <@x.y-z_1>', 'CASE-7', { kind: 'user', slackUserId: 'x.y-z_1' }],
  ])('reads %j', (text, caseId, target) => {
    expect(parseCommand(text)).toEqual({ kind: 'assign', caseId, target });
  });

  it('tolerates tabs, newlines and non-breaking spaces between the words', () => {
    expect(parseCommand('\n\t CASE-9\u00a0\u00a0\t<@U7>\r\n ')).toEqual({
      kind: 'assign',
      caseId: 'CASE-9',
      target: { kind: 'user', slackUserId: 'U7' },
    });
  });
});

describe('parseCommand: help', () => {
  it.each(['', '   ', '\n\t', 'help', '  help  ', 'HELP'])('answers %j with help', (text) => {
    expect(parseCommand(text)).toEqual({ kind: 'help' });
  });
});

describe('parseCommand: usage answers', () => {
  it.each([
    ['CASE-123 @bob', 'bare_mention', 'CASE-123'],
    ['case-5 @bob smith', 'bare_mention', 'CASE-5'],
    ['CASE-1 CASE-2', 'two_cases', 'CASE-1'],
    ['CASE-1 <@U1> CASE-2', 'two_cases', 'CASE-1'],
    ['CASE-1 <@U1> please', 'extra_words', 'CASE-1'],
    ['CASE-1 me <@U1>', 'extra_words', 'CASE-1'],
    ['CASE-1 <!subteam^S1|@oncall>', 'group_mention', 'CASE-1'],
    ['CASE-1 <!here>', 'group_mention', 'CASE-1'],
    ['CASE-1 <!channel>', 'group_mention', 'CASE-1'],
    ['CASE-1 <!everyone>', 'group_mention', 'CASE-1'],
    ['CASE-1 @here', 'group_mention', 'CASE-1'],
    ['CASE-1 <#C1|general>', 'channel_mention', 'CASE-1'],
    ['CASE-1 <https://x|y>', 'link', 'CASE-1'],
    ['CASE-1 <mailto:bob@example.com|bob@example.com>', 'link', 'CASE-1'],
    ['CASE-1 bob', 'not_a_user', 'CASE-1'],
    ['CASE-1 <@>', 'not_a_user', 'CASE-1'],
    ['CASE-1 <@|bob>', 'not_a_user', 'CASE-1'],
    ['CASE-1 &lt;@U1&gt;', 'not_a_user', 'CASE-1'],
  ])('answers %j with %s and keeps the case', (text, hint, caseId) => {
    const error = failure(text);
    expect(error.code).toBe('usage');
    expect(error.details).toEqual({ hint, caseId });
  });

  it.each([
    ['<!subteam^S1|@oncall>', 'group_mention'],
    ['<!here>', 'group_mention'],
    ['<#C1|general>', 'channel_mention'],
    ['<https://x|y>', 'link'],
    ['me', 'missing_case'],
    ['<@U1>', 'missing_case'],
    ['@bob', 'missing_case'],
  ])('answers %j, which names no case, with %s', (text, hint) => {
    const error = failure(text);
    expect(error.code).toBe('usage');
    expect(error.details).toEqual({ hint });
  });

  it('answers a person before the case with the right order, keeping the case', () => {
    const error = failure('<@U1> case-12');
    expect(error.details).toEqual({ hint: 'missing_case', caseId: 'CASE-12' });
    expect(error.message).toContain('/case-assign CASE-123 @someone');
  });

  it('never takes a user from a plain @name', () => {
    expect(failure('CASE-1 @U024BE7LH').details.hint).toBe('bare_mention');
  });
});

describe('parseCommand: bad case ids', () => {
  it.each([
    ['CASE 123', 'has_space', 'CASE 123'],
    ['case 123 <@U1>', 'has_space', 'case 123'],
    ['123', 'number_only', '123'],
    ['CASE-', 'format', 'CASE-'],
    ['CASE_1', 'format', 'CASE_1'],
    ['&lt;CASE-1&gt;', 'format', '&lt;CASE-1&gt;'],
    [`CASE-${'1'.repeat(60)}`, 'too_long', `CASE-${'1'.repeat(60)}`],
    ['3af152ee-9eaf-4803-87f1-23c5fb2fbaa', 'format', '3af152ee-9eaf-4803-87f1-23c5fb2fbaa'],
  ])('refuses %j', (text, hint, caseId) => {
    const error = failure(text);
    expect(error.code).toBe('bad_case_id');
    expect(error.details).toEqual({ hint, caseId });
  });

  it('suggests the id that was probably meant when a space replaced the dash', () => {
    expect(failure('case 123').message).toContain('CASE-123');
  });

  it('echoes at most 80 characters of a pasted wall of text', () => {
    const error = failure(`x${'y'.repeat(10_000)}`);
    expect(error.code).toBe('bad_case_id');
    expect(Array.from(error.details.caseId ?? '')).toHaveLength(80);
  });
});

describe('parseCommand: hostile input', () => {
  it('treats control characters as separators rather than part of an id', () => {
    expect(parseCommand('CASE-1\u0000me')).toEqual({ kind: 'assign', caseId: 'CASE-1', target: { kind: 'me' } });
  });

  it('answers a 10 kB string of angle brackets and mentions without crashing', () => {
    const text = `CASE-1 ${'<@U1 <#C|x> &lt; <'.repeat(600)}`;
    expect(text.length).toBeGreaterThan(10_000);
    expect(failure(text).code).toBe('usage');
  });

  it('always returns a command or an AppError, for any string', () => {
    const pieces = fc.constantFrom('CASE-1', 'me', '<@U1>', '<', '>', '|', '@', ' ', '\u00a0', '\n', '&lt;', '<!here>');
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.array(pieces).map((a) => a.join('')),
    );
    fc.assert(
      fc.property(text, (t) => {
        try {
          const command = parseCommand(t);
          return command.kind === 'help' || command.kind === 'assign';
        } catch (e) {
          return e instanceof AppError && (e.code === 'usage' || e.code === 'bad_case_id');
        }
      }),
    );
  });
});

describe('normalizeCaseId', () => {
  it('upper-cases a readable id and lower-cases a UUID', () => {
    expect(normalizeCaseId('  case-42 ')).toBe('CASE-42');
    expect(normalizeCaseId(UUID)).toBe(UUID.toLowerCase());
  });

  it('accepts 64 characters and refuses 65', () => {
    const id64 = `CASE-${'9'.repeat(59)}`;
    expect(normalizeCaseId(id64)).toBe(id64);
    expect(() => normalizeCaseId(`${id64}9`)).toThrow(expect.objectContaining({ code: 'bad_case_id' }));
  });

  it('refuses letters that are not ASCII', () => {
    expect(looksLikeCaseId('CÄSE-1')).toBe(false);
    expect(looksLikeCaseId('CASE-１')).toBe(false);
  });
});
