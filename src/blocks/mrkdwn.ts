/**
 * mrkdwn helpers. Only `&`, `<` and `>` are control characters in Slack text; escaping them is
 * what stops a case title from pinging `<!channel>` or forging a link. Lengths are UTF-16 units,
 * never less than what Slack counts.
 */
export function escapeMrkdwn(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Cuts `s` to at most `max` units, marker included, never between the halves of a surrogate pair. */
export function truncate(s: string, max: number, marker = '…'): string {
  if (s.length <= max) return s;
  if (marker.length >= max) return cutAt(marker, max);
  return cutAt(s, max - marker.length) + marker;
}

/**
 * Escapes, then cuts to `max`. An entity such as `&amp;` is never split: half of one would show
 * as stray characters.
 */
export function escapeAndTruncate(s: string, max: number, marker = '…'): string {
  const escaped = escapeMrkdwn(s);
  if (escaped.length <= max) return escaped;
  if (marker.length >= max) return cutAt(marker, max);
  let kept = cutAt(escaped, max - marker.length);
  const amp = kept.lastIndexOf('&');
  if (amp >= 0 && kept.indexOf(';', amp) === -1) kept = kept.slice(0, amp);
  return kept + marker;
}

function cutAt(s: string, n: number): string {
  const last = s.charCodeAt(n - 1);
  const splitsPair = n > 0 && last >= 0xd800 && last <= 0xdbff;
  return s.slice(0, splitsPair ? n - 1 : n);
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/i;

/**
 * A Slack date token: each reader sees the time in their own time zone; the fallback (UTC) shows
 * where tokens do not render. Undefined for a missing or unreadable date.
 */
export function slackDate(iso: string | undefined, token = '{date_short_pretty} {time}'): string | undefined {
  // Date.parse reads much that is no date ("CASE-123" is the year 123): take RFC 3339 times only.
  if (!iso || !RFC3339.test(iso)) return undefined;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms) || ms < 0) return undefined;
  const fallback = new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
  return `<!date^${Math.floor(ms / 1000)}^${token}|${fallback} UTC>`;
}

/**
 * A user mention. Slack ids are opaque, but one holding `<`, `>`, `|` or `&` could close the
 * mention and smuggle text in; such an id is shown escaped instead of mentioned.
 */
export function mention(slackUserId: string): string {
  return /^[^<>|&\s]+$/.test(slackUserId) ? `<@${slackUserId}>` : escapeMrkdwn(slackUserId);
}

/** The URL when it is an http(s) URL Slack can carry, with the characters that end a link encoded. */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
  return parsed.href.replace(/\|/g, '%7C').replace(/</g, '%3C').replace(/>/g, '%3E');
}

/** A mrkdwn link; just the escaped label when the URL is not one we trust. */
export function link(url: string | undefined, label: string): string {
  const href = safeUrl(url);
  const text = escapeMrkdwn(label);
  if (!href) return text;
  const escapedHref = href.replace(/&/g, '&amp;');
  return `<${escapedHref}|${text || escapedHref}>`;
}
