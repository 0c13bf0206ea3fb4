import type { App, BlockAction } from '@slack/bolt';
import { ACTION, parseMoreAction } from '../../blocks/action-ids';
import type { ActOutcome } from '../../cases/act-on-case';
import { OncePerKey } from '../../cases/once';
import type { Services } from '../../services';
import { clickHandler, type OpOf } from './handle-click';

/** A double click or a redelivery within this window joins the first run. */
const DUPLICATE_WINDOW_MS = 15_000;

const selectedUser = (body: BlockAction) => {
  const a = body.actions[0];
  return a?.type === 'users_select' ? a.selected_user : undefined;
};

const assignToMe: OpOf = (body) => ({ op: 'assign', targetSlackId: body.user.id });
const reassign: OpOf = (body) => {
  const user = selectedUser(body);
  return user ? { op: 'assign', targetSlackId: user } : undefined;
};
const acknowledge: OpOf = () => ({ op: 'acknowledge' });
const unassign: OpOf = (body) => (parseMoreAction(body.actions[0]) ? { op: 'unassign' } : undefined);

export function registerActions(app: App, services: Services): void {
  const once = new OncePerKey<ActOutcome>(DUPLICATE_WINDOW_MS);
  app.action<BlockAction>(ACTION.assignToMe, clickHandler(services, once, assignToMe));
  app.action<BlockAction>(ACTION.reassign, clickHandler(services, once, reassign));
  app.action<BlockAction>(ACTION.acknowledge, clickHandler(services, once, acknowledge));
  app.action<BlockAction>(ACTION.more, clickHandler(services, once, unassign));
  app.action<BlockAction>(ACTION.pickAssignee, clickHandler(services, once, reassign, 'inChannel'));
  // The link button opens Coralogix in the browser; Slack still tells us, and wants an ack.
  app.action<BlockAction>(ACTION.open, async ({ ack }) => {
    await ack();
  });
}
