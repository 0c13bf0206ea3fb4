import { AppError, type ErrorCode, type ErrorDetails } from '../../src/errors';
import { describeError } from '../../src/messages/describe-error';
import { blockKitViolations } from '../support/block-kit-limits';
import { visibleText } from '../blocks/render-helpers';

function answer(code: ErrorCode, details: ErrorDetails = {}, message = 'internal detail at Foo.bar (x.ts:1)') {
  const msg = describeError(new AppError(code, message, details), 'REF42');
  expect(blockKitViolations(msg)).toEqual([]);
  return visibleText(msg);
}

describe('describeError', () => {
  it('answers a usage problem with the problem first and examples', () => {
    const text = answer(
      'usage',
      { hint: 'extra_words' },
      'Give a case and at most one person. Usage: /case-assign CASE-123 @someone',
    );
    expect(text.startsWith('Give a case and at most one person.')).toBe(true);
    expect(text).toContain('/case-assign CASE-123 me');
  });

  it('escapes what the user typed in a bad case id', () => {
    const text = answer('bad_case_id', { caseId: '<!channel>' }, '"<!channel>" is not a case id (format)');
    expect(text).toContain('"&lt;!channel&gt;" is not a case id');
    expect(text).not.toContain('<!channel>');
  });

  it('still answers a bare mention sanely when no picker is shown', () => {
    expect(answer('usage', { hint: 'bare_mention' }, '"@bob" is plain text. Usage: x')).toContain(
      '"@bob" is plain text.',
    );
  });

  it('says which case was not found and to check the id', () => {
    const text = answer('case_not_found', { caseId: 'CASE-999' });
    expect(text).toContain('No case CASE-999 in Coralogix');
    expect(text).toContain('Check the id');
  });

  it('escapes a case id in a title once, not twice', () => {
    const text = answer('case_not_found', { caseId: 'CASE-1&<x>' });
    expect(text).toContain('No case CASE-1&amp;&lt;x&gt; in Coralogix');
    expect(text).not.toContain('&amp;amp;');
    expect(text).not.toContain('&amp;lt;');
    expect(answer('case_closed', { caseId: 'A&B', caseStatus: 'CASE_STATUS_CLOSED' })).toContain('A&amp;B is closed');
  });

  it('shows the reference in the title unescaped twice', () => {
    const msg = describeError(new AppError('internal', 'boom'), 'R&D1');
    expect(visibleText(msg)).toContain('Something went wrong (ref R&amp;D1)');
    expect(visibleText(msg)).not.toContain('&amp;amp;');
  });

  it('names a closed status in the words of the case card, also one it does not know yet', () => {
    expect(answer('case_closed', { caseId: 'CASE-1', caseStatus: 'CASE_STATUS_ARCHIVED' })).toContain(
      'CASE-1 is archived',
    );
    expect(answer('case_closed', { caseId: 'CASE-1', caseStatus: 'CASE_STATUS_ARCHIVED' })).toContain(
      'A case that is archived cannot be reassigned',
    );
  });

  it('says a resolved case cannot be reassigned', () => {
    expect(answer('case_closed', { caseId: 'CASE-1', caseStatus: 'CASE_STATUS_RESOLVED' })).toContain(
      'CASE-1 is resolved',
    );
    expect(answer('case_closed', { caseId: 'CASE-1', caseStatus: 'CASE_STATUS_CLOSED' })).toContain(
      'cannot be reassigned',
    );
  });

  it.each([
    ['no_email', 'no e-mail is visible on their Slack profile (the app needs the users:read.email scope'],
    ['no_team_member', 'no active Coralogix team member has the e-mail bob@acme.io'],
    ['inactive', 'the Coralogix user bob@acme.io is deactivated'],
  ] as const)('explains who has no Coralogix user, why (%s), and how to fix it', (reason, why) => {
    const text = answer('user_not_mapped', { slackUserId: 'UBOB', role: 'target', reason, email: 'bob@acme.io' });
    expect(text).toContain('<@UBOB> has no Coralogix user');
    expect(text).toContain(why);
    expect(text).toContain('Ask an admin to add them to `USER_MAP_FILE`, or invite bob@acme.io to the Coralogix team.');
  });

  it('names a user Slack does not know by the bare id, without a mention taken from the typed text', () => {
    const text = answer('user_not_mapped', { slackUserId: 'UGHOST', role: 'target', reason: 'not_found' });
    expect(text).toContain('The Slack user UGHOST has no Coralogix user: Slack does not know this user');
    expect(text).not.toContain('<@UGHOST>');
  });

  it('speaks to the actor as "you"', () => {
    const text = answer('user_not_mapped', { slackUserId: 'UME', role: 'actor', reason: 'no_email' });
    expect(text).toContain('You have no Coralogix user');
    expect(text).toContain('add you to `USER_MAP_FILE`, or invite you');
    expect(text).not.toContain('<@UME>');
  });

  it('refuses a foreign workspace and says nothing changed', () => {
    expect(answer('foreign_workspace')).toMatch(/Refused[\s\S]*Nothing was changed/);
  });

  it('points the admin at the API key on 401 and at the permission on 403', () => {
    expect(answer('coralogix_unauthorized', { status: 401 })).toContain('CORALOGIX_API_KEY');
    expect(answer('coralogix_forbidden', { permission: 'case:Assign' })).toContain(
      'lacks the *case:Assign* permission',
    );
  });

  it('says nothing changed and when to try again when Coralogix is unavailable', () => {
    const text = answer('coralogix_unavailable', { retryAfter: 30 });
    expect(text).toContain('Nothing was changed');
    expect(text).toContain('Try again in 30 seconds');
  });

  it("shows Coralogix's own refusal, escaped and cut", () => {
    const said = `title <!here> ${'x'.repeat(1000)}`;
    const text = answer(
      'coralogix_rejected',
      { status: 400 },
      `Coralogix POST /cases/assigned/v1/{id} failed (400): ${said}`,
    );
    expect(text).toContain('Something went wrong (ref REF42)');
    expect(text).toContain('Coralogix refused the change: title &lt;!here&gt; xxx');
    expect(text).not.toContain('x'.repeat(400));
  });

  it.each(['coralogix_bad_response', 'slack_failed', 'internal'] as const)(
    'answers %s with a reference and no internal detail',
    (code) => {
      const text = answer(code);
      expect(text).toContain('Something went wrong (ref REF42)');
      expect(text).not.toContain('Foo.bar');
    },
  );
});
