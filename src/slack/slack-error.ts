/**
 * Slack's own error string ("channel_not_found", "invalid_auth") of a failed Web API call. The
 * WebClient puts it in `data.error` of a platform error; a network failure, an HTTP status or
 * anything that is not a Slack error has none, and gives undefined.
 */
export function slackErrorOf(e: unknown): string | undefined {
  if (typeof e !== 'object' || e === null) return undefined;
  const error = (e as { data?: { error?: unknown } }).data?.error;
  return typeof error === 'string' && error !== '' ? error : undefined;
}
