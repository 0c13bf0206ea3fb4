import { blocksOf, contentProblem, type Args } from './slack-web-api';
import type { SlackWorkspace } from './slack-workspace';

/**
 * A POST to a response_url (slack-platform.md §4.4): `replace_original` replaces the clicked
 * message, `delete_original` removes it, `in_channel` posts for everyone, anything else is
 * ephemeral to the one who acted. Answers Slack's plain words: `ok`, or why not.
 */
export function answerOnResponseUrl(ws: SlackWorkspace, id: string, body: unknown): string {
  const target = ws.responseTargets.get(id);
  if (!target) return 'no_service';
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'invalid_payload';
  const args = body as Args;
  const original = target.messageTs ? ws.find(target.channel, target.messageTs) : undefined;

  if (args.delete_original === true && original) {
    ws.remove(original);
    if (args.text === undefined && args.blocks === undefined) return 'ok';
  }
  const problem = contentProblem(args);
  if (problem) return String(problem.error);
  if (args.replace_original === true && original && args.delete_original !== true) {
    ws.replace(original, args);
    return 'ok';
  }
  const inChannel = args.response_type === 'in_channel';
  ws.add({
    channel: target.channel,
    text: typeof args.text === 'string' ? args.text : '',
    blocks: blocksOf(args),
    from: 'app',
    ...(inChannel ? {} : { visibleTo: target.user }),
    ...(inChannel && typeof args.thread_ts === 'string' ? { threadTs: args.thread_ts } : {}),
  });
  return 'ok';
}
