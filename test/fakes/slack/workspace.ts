import { blockKitViolations } from '../../support/block-kit-limits';

export interface FakeSlackUser {
  id: string;
  teamId: string;
  name: string;
  realName?: string;
  /** Undefined models a profile whose e-mail the token may not see. */
  email?: string;
  deleted?: boolean;
  isBot?: boolean;
}

export interface StoredMessage {
  ts: string;
  text: string;
  blocks: unknown[];
  thread_ts?: string;
  edits: number;
}

export interface StoredEphemeral {
  channel: string;
  user: string;
  text: string;
  blocks: unknown[];
}

/** Everything the fake workspace remembers; the Web API methods read and change it. */
export interface Workspace {
  teamId: string;
  socketUrl: string;
  users: Map<string, FakeSlackUser>;
  messages: Map<string, StoredMessage[]>;
  ephemerals: StoredEphemeral[];
  notInChannel: Set<string>;
  unknownChannels: Set<string>;
  /** A message id, unique in the whole fake: "<seconds>.<6 digits>" like Slack's. */
  nextTs(): string;
}

export const BOT_USER_ID = 'U_BOT';
export const BOT_ID = 'B_BOT';
export const APP_ID = 'A1';

export type Args = Record<string, unknown>;
export type Reply = { ok: boolean } & Record<string, unknown>;

export const ok = (fields: Record<string, unknown> = {}): Reply => ({ ok: true, ...fields });
export const fail = (error: string, fields: Record<string, unknown> = {}): Reply => ({ ok: false, error, ...fields });

/** Slack's answer when a required argument is absent. */
export const missingArgument = (name: string): Reply =>
  fail('invalid_arguments', { response_metadata: { messages: [`[ERROR] missing required field: ${name}`] } });

export const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/**
 * Block problems in Slack's wording ("… [json-pointer:/blocks/3/text]"). A missing top-level
 * `text` is our own rule, not Slack's (it only warns), so the fake leaves that to the renderer tests.
 */
export function blockErrors(blocks: unknown, surface: 'message' | 'modal', pointerPrefix = ''): string[] {
  return blockKitViolations({ text: 'fallback', blocks }, surface).map((violation) => {
    const at = violation.indexOf(': ');
    const path = at < 0 ? violation : violation.slice(0, at);
    const problem = at < 0 ? 'invalid' : violation.slice(at + 2);
    return `${problem} [json-pointer:${pointerPrefix}/${path}]`;
  });
}

export function userJson(user: FakeSlackUser): Record<string, unknown> {
  const realName = user.realName ?? user.name;
  return {
    id: user.id,
    team_id: user.teamId,
    name: user.name,
    deleted: user.deleted ?? false,
    real_name: realName,
    tz: 'Europe/London',
    tz_label: 'Greenwich Mean Time',
    tz_offset: 0,
    is_admin: false,
    is_owner: false,
    is_bot: user.isBot ?? false,
    is_app_user: false,
    updated: 1502138686,
    profile: {
      real_name: realName,
      display_name: user.name,
      real_name_normalized: realName,
      display_name_normalized: user.name,
      ...(user.email === undefined ? {} : { email: user.email }),
      image_48: `https://avatars.example.invalid/${user.id}_48.png`,
      team: user.teamId,
    },
  };
}

export function channelJson(id: string, isMember: boolean): Record<string, unknown> {
  const name = `channel-${id.toLowerCase()}`;
  return {
    id,
    name,
    name_normalized: name,
    is_channel: true,
    is_group: false,
    is_im: false,
    is_mpim: false,
    is_private: false,
    is_archived: false,
    is_general: false,
    is_member: isMember,
    created: 1449252889,
    creator: 'W012A3BCD',
    topic: { value: '', creator: '', last_set: 0 },
    purpose: { value: '', creator: '', last_set: 0 },
  };
}
