import { AppError } from '../errors';

/**
 * In a shared channel, people of another workspace can click our buttons or type our command. Their
 * Slack ids mean nothing to our mapping, so they are refused before anything changes. A request that
 * names no workspace is not taken as ours either.
 */
export function assertHomeWorkspace(
  actorTeamId: string | undefined,
  homeTeamId: string | undefined,
  slackUserId: string,
) {
  if (homeTeamId && actorTeamId !== homeTeamId) {
    throw new AppError(
      'foreign_workspace',
      `actor ${slackUserId} belongs to workspace ${actorTeamId ?? '(none given)'}`,
      {
        slackUserId,
        role: 'actor',
      },
    );
  }
}
