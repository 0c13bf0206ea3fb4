import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError, type ErrorCode, type ErrorDetails } from '../src/errors';
import { describeError } from '../src/messages/describe-error';

const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
const troubleshooting = readme.slice(readme.indexOf('## Troubleshooting'), readme.indexOf('## Development'));

/** The first words of a notice, its title: what a user sees first, and quotes when asking for help. */
const titleOf = (code: ErrorCode, details: ErrorDetails): string =>
  describeError(new AppError(code, 'detail', details), 'ABCD1234').text.split(': ')[0] ?? '';

describe("the README's Troubleshooting table", () => {
  it.each([
    ['user_not_mapped', { role: 'target', slackUserId: 'U1' }],
    ['user_not_mapped', { role: 'actor', slackUserId: 'U1' }],
    ['coralogix_forbidden', { permission: 'case:Assign' }],
    ['coralogix_unauthorized', {}],
    ['coralogix_unavailable', {}],
    ['internal', {}],
    ['case_not_found', { caseId: 'CASE-123' }],
    ['case_closed', { caseId: 'CASE-123', caseStatus: 'CASE_STATUS_RESOLVED' }],
    ['foreign_workspace', {}],
  ] as Array<[ErrorCode, ErrorDetails]>)('quotes the %s answer (%o) as the app words it', (code, details) => {
    const title = titleOf(code, details);
    expect(title.length).toBeGreaterThan(0);
    expect(troubleshooting).toContain(`"${title}"`);
  });
});
