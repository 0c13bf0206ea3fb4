import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { renderCase } from '../../blocks/case-message';
import { renderStaleNotice } from '../../blocks/notice';
import { actOnCase, type ActOutcome, type CaseOp } from '../../cases/act-on-case';
import type { OncePerKey } from '../../cases/once';
import { assertHomeWorkspace } from '../../cases/workspace';
import { AppError } from '../../errors';
import type { Services } from '../../services';
import { answerError, postOrReport } from '../answer-error';
import { outcomeRecorder } from '../outcome';
import { createReply } from '../reply';
import { actorTeamOf, caseIdOf, messageOf } from './case-id-of';

export type ClickArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

/** What a click asks for, read from its payload; undefined when the payload makes no sense. */
export type OpOf = (body: BlockAction) => CaseOp | undefined;

/**
 * Every case button goes through here: acknowledge, check who clicked, act once however often the
 * click arrives, then show the new state. A failure leaves the message as it was and tells only the
 * one who clicked. `show` is 'replace' for a case message; the picker offered after a bare `@name`
 * is private to one person, so its result is posted in the channel instead.
 */
export function clickHandler(
  services: Services,
  once: OncePerKey<ActOutcome>,
  opOf: OpOf,
  show: 'replace' | 'inChannel' = 'replace',
) {
  return async ({ ack, body, respond, client }: ClickArgs): Promise<void> => {
    await ack();

    const actor = body.user.id;
    const action = body.actions[0]?.action_id;
    const log = services.logger.child({ kind: 'click', action, user: actor, team: body.user.team_id });
    const done = outcomeRecorder(services, log, { kind: 'click', action });
    const reply = createReply({
      respond,
      client,
      channelId: messageOf(body).channelId,
      messageTs: messageOf(body).ts,
      userId: actor,
      logger: log,
    });
    const caseId = caseIdOf(body);
    const op = opOf(body);
    try {
      if (!caseId || !op) throw new AppError('internal', 'click without a case id or operation', { caseId });
      assertHomeWorkspace(actorTeamOf(body), services.homeTeamId, actor);
      // Each rendering of a case message has its own block ids: a double click or a redelivery of
      // the same rendering joins the first run, a click on the refreshed message is a new request.
      const rendering = body.actions[0]?.block_id ?? '';
      const key = [caseId, op.op, op.op === 'assign' ? op.targetSlackId : '', actor, rendering].join('|');
      const { first, result } = await once.run(key, async () => {
        const outcome = await actOnCase(services, { caseId, actorSlackId: actor, channelName: body.channel?.name }, op);
        const shown = await postOrReport(reply, renderCase(outcome.view), outcome.view, log, show);
        if (shown && outcome.kind === 'stale') await reply.privately(renderStaleNotice(outcome.reason));
        return outcome;
      });
      done({ caseId, outcome: first ? result.kind : 'duplicate' }, 'click handled');
    } catch (e) {
      const { code, ref } = await answerError(e, reply, log, { caseId });
      done({ caseId, outcome: code, ref }, 'click failed');
    }
  };
}
