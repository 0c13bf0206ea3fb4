import type { types } from '@slack/bolt';
import { escapeAndTruncate } from './mrkdwn';

/** Section text is limited to 3,000; a heading plus lines stays within it. */
const SECTION_MAX = 3000;
/** One long value must not crowd out the rest of a list. */
const LINE_MAX = 300;

/**
 * A section with a bold heading and one line per item, raw items escaped and cut. Lines that do not
 * fit end in "…and N more" so the reader knows the list goes on (in Coralogix). Undefined when the
 * list is empty, so absent data costs no block.
 */
export function listSection(heading: string, rawLines: string[], blockId: string): types.SectionBlock | undefined {
  if (rawLines.length === 0) return undefined;
  return { type: 'section', block_id: blockId, text: { type: 'mrkdwn', text: fitLines(heading, rawLines) } };
}

export function fitLines(heading: string, rawLines: string[], max = SECTION_MAX): string {
  // Room for the widest "and N more" marker this list could need.
  const reserve = `\n…and ${rawLines.length} more`.length;
  let text = `*${heading}*`;
  for (const [i, raw] of rawLines.entries()) {
    const line = `\n• ${escapeAndTruncate(raw, LINE_MAX)}`;
    const isLast = i === rawLines.length - 1;
    if (text.length + line.length + (isLast ? 0 : reserve) > max) {
      return `${text}\n…and ${rawLines.length - i} more`;
    }
    text += line;
  }
  return text;
}

/** "key: value" for labels, groupings and permutations; empty parts are left out. */
export function keyValue(key: string, value: unknown): string {
  const shown = typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
  return key && shown ? `${key}: ${shown}` : key || shown;
}
