import { z } from 'zod';
import { blankToUndefined } from '../blank-to-undefined';
import { CHANNEL_ID, CHANNEL_ID_EXPECTED } from '../slack/channel-id';

const optionalText = (max: number) => z.preprocess(blankToUndefined, z.string().trim().max(max).optional());

/**
 * The body the installer's Notification Center template renders (README). Unknown fields are
 * allowed, so a template that sends the whole case object, or more, still works.
 */
const notificationSchema = z
  .looseObject({
    caseId: optionalText(200),
    case: z.looseObject({ id: optionalText(200) }).optional(),
    channel: z.preprocess(blankToUndefined, z.string().trim().regex(CHANNEL_ID, CHANNEL_ID_EXPECTED).optional()),
    event: optionalText(200),
    eventId: optionalText(200),
  })
  .refine((body) => body.caseId ?? body.case?.id, { message: 'no case id: send "caseId" or "case": {"id": …}' });

export interface CaseNotification {
  /** As sent; not yet normalised. */
  caseId: string;
  channel?: string;
  event?: string;
  eventId?: string;
}

/** The notification, or the reason (for the 400 answer) why the body is not one. */
export function parseNotification(
  body: unknown,
): { ok: true; value: CaseNotification } | { ok: false; reason: string } {
  const parsed = notificationSchema.safeParse(body);
  if (!parsed.success) {
    const reason = parsed.error.issues.map((i) =>
      i.path.length > 0 ? `${i.path.join('.')}: ${i.message}` : i.message,
    );
    return { ok: false, reason: reason.join('; ') };
  }
  const { caseId, case: nested, channel, event, eventId } = parsed.data;
  return {
    ok: true,
    value: {
      caseId: caseId ?? nested?.id ?? '',
      ...(channel === undefined ? {} : { channel }),
      ...(event === undefined ? {} : { event }),
      ...(eventId === undefined ? {} : { eventId }),
    },
  };
}
