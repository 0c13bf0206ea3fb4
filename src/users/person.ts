/** A Coralogix user, as the assignment API and the team directory know them. */
export interface CoralogixUser {
  id: string;
  email?: string;
  name?: string;
}

/**
 * Someone to show in Slack: a mention when a Slack user maps, otherwise the Coralogix name and
 * e-mail (or at least the id) so the reader still learns who it is.
 */
export type Person =
  | { kind: 'slack'; slackUserId: string }
  | { kind: 'coralogix'; coralogixUserId: string; name?: string; email?: string };
