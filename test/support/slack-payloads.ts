/**
 * What Slack sends the app, as plain objects with realistic defaults (slack-platform.md §2.1, §3.2).
 * Tests override only what they are about.
 */

/** The ids the defaults use, so a test can register the matching user in the fake Slack. */
export const DEFAULT_IDS = { team: 'T0001', channel: 'C0001', user: 'U0001', appId: 'A1', botUser: 'U_BOT' } as const;

/**
 * No test may reach hooks.slack.com, so an unset response_url points at a closed local port: a test
 * that forgot `fake.responseUrl()` fails with "connection refused" instead of calling the internet.
 */
export const NO_RESPONSE_URL = 'http://127.0.0.1:9/response/unset-pass-fake-responseUrl';

export interface SlashCommandFields {
  token: string;
  team_id: string;
  team_domain: string;
  enterprise_id?: string;
  enterprise_name?: string;
  channel_id: string;
  channel_name: string;
  user_id: string;
  user_name: string;
  command: string;
  text: string;
  api_app_id: string;
  /** A string on the wire, compared as one by Bolt. */
  is_enterprise_install: 'true' | 'false';
  response_url: string;
  trigger_id: string;
}

export interface BlockAction {
  type: string;
  action_id: string;
  block_id: string;
  action_ts: string;
  text?: { type: 'plain_text'; text: string; emoji?: boolean };
  value?: string;
  selected_user?: string;
  selected_option?: { text: { type: 'plain_text'; text: string }; value: string } | null;
}

export interface BlockActionsPayload {
  type: 'block_actions';
  user: { id: string; username: string; name: string; team_id: string };
  api_app_id: string;
  token: string;
  container: { type: 'message'; message_ts: string; channel_id: string; is_ephemeral: boolean };
  trigger_id: string;
  team: { id: string; domain: string } | null;
  enterprise: { id: string; name: string } | null;
  is_enterprise_install: boolean;
  channel: { id: string; name: string };
  message: { type: 'message'; ts: string; bot_id: string; user: string; text: string; blocks: unknown[] };
  state: { values: Record<string, Record<string, unknown>> };
  response_url: string;
  actions: BlockAction[];
}

export type DeepPartial<T> = T extends readonly (infer U)[]
  ? DeepPartial<U>[]
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

let triggers = 0;
const triggerId = () => `${13345224609 + ++triggers}.738474920.8088930838d88f008e0`;

/** A slash command's fields as an object: what a Socket Mode `slash_commands` envelope carries. */
export function slashCommandPayload(overrides: Partial<SlashCommandFields> = {}): Record<string, string> {
  const fields: SlashCommandFields = {
    token: 'legacy-verification-token',
    team_id: DEFAULT_IDS.team,
    team_domain: 'fake-workspace',
    channel_id: DEFAULT_IDS.channel,
    channel_name: 'incidents',
    user_id: DEFAULT_IDS.user,
    user_name: 'alice',
    command: '/case-assign',
    text: '',
    api_app_id: DEFAULT_IDS.appId,
    is_enterprise_install: 'false',
    response_url: NO_RESPONSE_URL,
    trigger_id: triggerId(),
    ...overrides,
  };
  return Object.fromEntries(
    Object.entries(fields).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

/**
 * A click on a message button. Overrides merge deeply; each entry of `actions` merges onto a default
 * action of its `type` (button unless given). The container follows `channel.id` and `message.ts`,
 * and `user.team_id` follows `team.id`, unless the override sets them itself.
 */
export function blockActionsPayload(overrides: DeepPartial<BlockActionsPayload> = {}): BlockActionsPayload {
  const { actions, ...rest } = overrides;
  const payload = merge(defaultPayload(), rest);
  payload.actions = (actions ?? [{}]).map((action) => merge(defaultAction(action.type ?? 'button'), action));

  if (overrides.container?.channel_id === undefined) payload.container.channel_id = payload.channel.id;
  if (overrides.container?.message_ts === undefined) payload.container.message_ts = payload.message.ts;
  if (overrides.user?.team_id === undefined && payload.team) payload.user.team_id = payload.team.id;
  return payload;
}

function defaultPayload(): BlockActionsPayload {
  const messageTs = '1700000000.000100';
  return {
    type: 'block_actions',
    user: { id: DEFAULT_IDS.user, username: 'alice', name: 'alice', team_id: DEFAULT_IDS.team },
    api_app_id: DEFAULT_IDS.appId,
    token: 'legacy-verification-token',
    container: { type: 'message', message_ts: messageTs, channel_id: DEFAULT_IDS.channel, is_ephemeral: false },
    trigger_id: triggerId(),
    team: { id: DEFAULT_IDS.team, domain: 'fake-workspace' },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: DEFAULT_IDS.channel, name: 'incidents' },
    message: {
      type: 'message',
      ts: messageTs,
      bot_id: 'B_BOT',
      user: DEFAULT_IDS.botUser,
      text: 'CASE-123',
      blocks: [],
    },
    state: { values: {} },
    response_url: NO_RESPONSE_URL,
    actions: [],
  };
}

function defaultAction(type: string): BlockAction {
  const common = {
    type,
    action_id: 'case_action',
    block_id: 'case_actions',
    action_ts: (Date.now() / 1000).toFixed(6),
  };
  switch (type) {
    case 'button':
      return { ...common, text: { type: 'plain_text', text: 'Assign', emoji: true }, value: 'CASE-123' };
    case 'users_select':
      return { ...common, selected_user: 'U0002' };
    case 'static_select':
      return { ...common, selected_option: { text: { type: 'plain_text', text: 'CASE-123' }, value: 'CASE-123' } };
    default:
      return common;
  }
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Objects merge key by key; arrays, null and scalars replace; undefined leaves the default. */
function merge<T>(base: T, override: unknown): T {
  if (!isPlainObject(base) || !isPlainObject(override)) return (override === undefined ? base : override) as T;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) out[key] = merge(out[key], value);
  return out as T;
}
