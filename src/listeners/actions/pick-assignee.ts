import { ACTION } from '../../blocks/action-ids';
import { renderCase } from '../../blocks/case-message';
import { assignCase } from '../../cases/assign-case';
import { assertHomeWorkspace } from '../../cases/workspace';
import { AppError } from '../../errors';
import type { Services } from '../../services';
import { answerError, postOrReport } from '../answer-error';
import { outcomeRecorder } from '../outcome';
import { createReply } from '../reply';
import { caseIdOf } from './case-id-of';
import type { ClickArgs } from './handle-click';

/**
 * The person picker offered when `@name` arrived as plain text: choosing someone does what the
 * command would have done, and posts the summary in the channel.
 */
export function pickAssignee(services: Services) {
  return async ({ ack, body, respond, client }: ClickArgs): Promise<void> => {
    await ack();

    const actor = body.user.id;
    const action = ACTION.pickAssignee;
    const log = services.logger.child({ kind: 'click', action, user: actor, team: body.user.team_id });
    const done = outcomeRecorder(services, log, { kind: 'click', action });
    const reply = createReply({ respond, client, channelId: body.channel?.id, userId: actor, logger: log });
    const caseId = caseIdOf(body);
    const picked = body.actions[0];
    const target = picked?.type === 'users_select' ? picked.selected_user : undefined;
    try {
      if (!caseId || !target) throw new AppError('internal', 'picker without a case id or a person', { caseId });
      // A payload whose user carries no team is judged by its own team: absent must not mean "ours".
      assertHomeWorkspace(body.user.team_id ?? body.team?.id, services.homeTeamId, actor);
      const view = await assignCase(services, {
        caseId,
        actorSlackId: actor,
        targetSlackId: target,
        channelName: body.channel?.name,
      });
      const shown = await postOrReport(reply, renderCase(view), view, log);
      done({ caseId, outcome: shown ? 'assigned' : 'assigned_unshown' }, 'click handled');
    } catch (e) {
      const { code, ref } = await answerError(e, reply, log, { caseId });
      done({ caseId, outcome: code, ref }, 'click failed');
    }
  };
}
