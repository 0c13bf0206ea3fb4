/**
 * A Slack channel id as the app accepts it, in CASES_CHANNEL_ID and in a notification's `channel`.
 * Slack ids are opaque: upper-case letters and digits, nothing more is assumed. A "#name" is refused,
 * since chat.postMessage would read it as a name and post wherever that name leads.
 */
export const CHANNEL_ID = /^[A-Z0-9]{2,64}$/;

export const CHANNEL_ID_EXPECTED = 'a Slack channel id such as C0123ABCD, not a #name';
