import type { Person } from '../users/person';
import { escapeAndTruncate, mention } from './mrkdwn';

/**
 * Who someone is, in mrkdwn: a mention when they are a Slack user, otherwise the Coralogix name and
 * e-mail so the reader still learns who it is.
 */
export function personText(person: Person | undefined, max = 300): string {
  if (!person) return 'Unassigned';
  if (person.kind === 'slack') return mention(person.slackUserId);
  const { name, email, coralogixUserId } = person;
  const shown = name && email ? `${name} (${email})` : name || email || `Coralogix user ${coralogixUserId}`;
  return escapeAndTruncate(shown, max);
}
