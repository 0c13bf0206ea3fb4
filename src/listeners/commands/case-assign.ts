import type { AllMiddlewareArgs, App, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { renderCase } from '../../blocks/case-message';
import { renderUsage } from '../../blocks/notice';
import { assignCase } from '../../cases/assign-case';
import { parseCommand } from '../../cases/grammar';
import { assertHomeWorkspace } from '../../cases/workspace';
import { toAppError } from '../../errors';
import type { Services } from '../../services';
import { answerError, answerFor, newRef, postOrReport } from '../answer-error';
import { outcomeRecorder } from '../outcome';
import { createReply } from '../reply';

export const COMMAND = '/case-assign';

type Args = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

/** `/case-assign CASE-123 @bob`: parse, acknowledge, assign, post the summary in the channel. */
export function caseAssignCommand(services: Services) {
  return async ({ command, ack, respond, client }: Args): Promise<void> => {
    const log = services.logger.child({ kind: 'command', user: command.user_id, team: command.team_id });
    const done = outcomeRecorder(services, log, { kind: 'command' });
    let parsed;
    try {
      parsed = parseCommand(command.text);
    } catch (e) {
      // Grammar problems need no network: answer in the acknowledgement itself.
      const err = toAppError(e);
      await ack(answerFor(err, newRef()));
      done({ outcome: err.code, hint: err.details.hint }, 'command refused');
      return;
    }
    if (parsed.kind === 'help') {
      await ack(renderUsage());
      done({ outcome: 'help' }, 'command handled');
      return;
    }
    await ack();

    const reply = createReply({ respond, client, channelId: command.channel_id, userId: command.user_id, logger: log });
    const caseId = parsed.caseId;
    try {
      assertHomeWorkspace(command.team_id, services.homeTeamId, command.user_id);
      const targetSlackId = parsed.target.kind === 'me' ? command.user_id : parsed.target.slackUserId;
      const view = await assignCase(services, {
        caseId,
        actorSlackId: command.user_id,
        targetSlackId,
        channelName: command.channel_name,
      });
      // Not shown: the user was told privately, and the error line carries the ref.
      const shown = await postOrReport(reply, renderCase(view), view, log);
      done({ caseId, outcome: shown ? 'assigned' : 'assigned_unshown' }, 'command handled');
    } catch (e) {
      const { code, ref } = await answerError(e, reply, log, { caseId });
      done({ caseId, outcome: code, ref }, 'command failed');
    }
  };
}

export function registerCommands(app: App, services: Services): void {
  app.command(COMMAND, caseAssignCommand(services));
}
