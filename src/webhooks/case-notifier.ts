import { renderCase, type CaseView } from '../blocks/case-message';
import { assigneeOf } from '../cases/case-change';
import type { Case } from '../coralogix/schemas';
import { isAppError } from '../errors';
import type { Services } from '../services';
import type { CaseMessage, CaseMessageStore } from '../store/case-message-store';
import { changesBetween, describeChanges, snapshotOf } from './case-changes';
import { PerKeyQueue } from './per-key-queue';
import type { SlackPoster } from './slack-poster';

export interface NotifyRequest {
  /** Normalised (a lower-case UUID or an upper-case readable id). */
  caseId: string;
  channel?: string;
  eventId?: string;
}

export type NotifyOutcome =
  { action: 'posted' | 'updated' | 'unchanged'; channel: string; ts: string } | { action: 'no_channel' };

export interface NotifierDeps {
  services: Services;
  store: CaseMessageStore;
  slack: SlackPoster;
  /** CASES_CHANNEL_ID: where a case goes when the notification names no channel. */
  defaultChannel?: string;
}

/** The stored message is gone; a fresh one takes its place. */
const GONE = new Set(['message_not_found', 'channel_not_found']);

/**
 * Design §8: the first event of a case posts its summary, later ones update that message and say in
 * its thread what changed. The case is always fetched: a notification may be stale or out of order.
 * A case's message stays where it was first posted; later events do not move it.
 */
export function createCaseNotifier(deps: NotifierDeps): (req: NotifyRequest) => Promise<NotifyOutcome> {
  const { services, store, slack } = deps;
  const queue = new PerKeyQueue();

  async function handle(c: Case, req: NotifyRequest): Promise<NotifyOutcome> {
    const stored = store.get(c.id);
    if (stored && req.eventId && store.hasEvent(c.id, req.eventId)) {
      return { action: 'unchanged', channel: stored.channel, ts: stored.ts };
    }
    const target = req.channel ?? deps.defaultChannel;
    const outcome = stored ? await refresh(c, stored, target) : target ? await post(c, target) : undefined;
    if (!outcome) return { action: 'no_channel' };
    if (req.eventId) store.addEvent(c.id, req.eventId, services.now());
    return outcome;
  }

  async function post(c: Case, channel: string): Promise<NotifyOutcome> {
    const view = await viewOf(c);
    const sent = await slack.post(channel, renderCase(view));
    remember(c, sent);
    return { action: 'posted', ...sent };
  }

  async function refresh(c: Case, stored: CaseMessage, target: string | undefined): Promise<NotifyOutcome> {
    const changes = changesBetween(stored.snapshot, snapshotOf(c));
    if (changes.length === 0) return { action: 'unchanged', channel: stored.channel, ts: stored.ts };
    const view = await viewOf(c);
    try {
      await slack.update(stored.channel, stored.ts, renderCase(view));
    } catch (e) {
      if (!isAppError(e) || !GONE.has(e.details.slackError ?? '')) throw e;
      services.logger.warn({ caseId: c.id, channel: stored.channel, ts: stored.ts }, 'case message gone; posting anew');
      return post(c, target ?? stored.channel);
    }
    // The snapshot is written after the reply, so a failed reply is retried with the next delivery.
    await slack.post(stored.channel, { text: describeChanges(changes, view.assignee) }, stored.ts);
    remember(c, stored);
    return { action: 'updated', channel: stored.channel, ts: stored.ts };
  }

  async function viewOf(c: Case): Promise<CaseView> {
    const [link, assignee] = await Promise.all([services.coralogix.deepLink(c.id), assigneeOf(services, c)]);
    return { case: c, link, assignee };
  }

  function remember(c: Case, at: { channel: string; ts: string }): void {
    const updatedAt = services.now().toISOString();
    store.put({ caseId: c.id, channel: at.channel, ts: at.ts, snapshot: snapshotOf(c), updatedAt });
  }

  return (req) =>
    queue.run(req.caseId, async () => {
      const c = await services.coralogix.getCase(req.caseId);
      if (c.id === req.caseId) return handle(c, req);
      // Named by its readable id: queue behind work named by the UUID too, then read it afresh,
      // since what was read while waiting may be older than what that work wrote.
      return queue.run(c.id, async () => handle(await services.coralogix.getCase(c.id), req));
    });
}
