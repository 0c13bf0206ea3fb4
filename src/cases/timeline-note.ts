import { isAppError } from '../errors';
import type { Services } from '../services';
import type { CoralogixUser } from '../users/person';

export type NoteVerb = 'assigned' | 'unassigned' | 'acknowledged';

export function displayName(user: CoralogixUser): string {
  return user.name?.trim() || user.email || user.id;
}

/** Coralogix records the API key as the actor of a change, so the note says who really acted. */
/** Slack names DMs and private groups generically in payloads; "#directmessage" would mislead. */
const UNNAMED_CHANNELS = new Set(['directmessage', 'privategroup']);

export function noteText(verb: NoteVerb, actor: CoralogixUser, target: CoralogixUser | undefined, channel?: string) {
  const named = channel && !UNNAMED_CHANNELS.has(channel) && !channel.startsWith('mpdm-');
  const where = named ? ` from Slack #${channel}` : ' from Slack';
  const by = `by ${displayName(actor)}${where}`;
  switch (verb) {
    case 'assigned':
      return `Assigned to ${target ? displayName(target) : 'someone'} ${by}`;
    case 'unassigned':
      return `Unassigned ${by}`;
    case 'acknowledged':
      return `Acknowledged ${by}`;
  }
}

/**
 * The change already happened; a missing note must not turn it into a failure. Without the
 * case:Comment permission the app warns and goes on.
 */
export async function writeTimelineNote(services: Services, caseId: string, text: string): Promise<boolean> {
  try {
    await services.coralogix.comment(caseId, text);
    return true;
  } catch (e) {
    const code = isAppError(e) ? e.code : 'internal';
    const hint =
      code === 'coralogix_forbidden'
        ? 'the API key lacks case:Comment; changes are made but not noted on the case timeline'
        : 'timeline note not written';
    services.logger.warn({ caseId, code, err: e }, hint);
    return false;
  }
}
