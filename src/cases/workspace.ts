import { AppError } from '../errors';

/**
 * In a shared channel, people of another workspace can click our buttons or type our command. Their
 * Slack ids mean nothing to our mapping, so they are refused before anything changes.
 */
export function assertHomeWorkspace(
  actorTeamId: string | undefined,
  homeTeamId: string | undefined,
  slackUserId: string,
) {
  if (actorTeamId && homeTeamId && actorTeamId !== homeTeamId) {
    throw new AppError('foreign_workspace', `actor ${slackUserId} belongs to workspace ${actorTeamId}`, {
      slackUserId,
      role: 'actor',
    });
  }
}
