import type { Teammate } from '../../src/coralogix/schemas';
import { AppError } from '../../src/errors';
import { createLogger } from '../../src/logger';
import { createUserMap, type UserMapEntry } from '../../src/users/mapping-file';
import { createSlackDirectory, type SlackUsersApi } from '../../src/users/slack-directory';
import { createTeamDirectory } from '../../src/users/team-directory';
import { createUserMapper } from '../../src/users/user-mapper';

const ALICE_ID = '0a1ce000-0000-4000-8000-000000000001';
const BOB_ID = '0b0b0000-0000-4000-8000-000000000002';
const CAROL_ID = '0ca10000-0000-4000-8000-000000000003';

const TEAM: Teammate[] = [
  { id: ALICE_ID, username: 'alice@example.com', firstName: 'Alice', lastName: 'Liddell', isActive: true },
  { id: BOB_ID, username: 'bob@example.com', firstName: 'Bob', isActive: false },
  { id: CAROL_ID, username: 'carol@corp.example', firstName: 'Carol' },
];

interface SlackUser {
  id: string;
  email?: string;
}

const SLACK_USERS: SlackUser[] = [
  { id: 'U_ALICE', email: '  ALICE@Example.com ' },
  { id: 'U_BOB', email: 'bob@example.com' },
  { id: 'U_HIDDEN' },
  { id: 'U_STRANGER', email: 'stranger@elsewhere.example' },
  { id: 'U_CAROL', email: 'carol@slack.example' },
];

/** A turn of the event loop, as an answer from the network would take. */
const wire = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Slack's users methods as they answer over the wire, errors included; counts every call. */
function fakeSlackUsers(users: SlackUser[]) {
  const calls = { info: 0, lookupByEmail: 0 };
  const platformError = (error: string) =>
    Object.assign(new Error(`An API error occurred: ${error}`), {
      code: 'slack_webapi_platform_error',
      data: { ok: false, error },
    });
  const api: SlackUsersApi = {
    info: async ({ user }) => {
      calls.info += 1;
      await wire();
      const found = users.find((u) => u.id === user);
      if (!found) throw platformError('user_not_found');
      return { user: { id: found.id, team_id: 'T1', profile: found.email ? { email: found.email } : {} } };
    },
    lookupByEmail: async ({ email }) => {
      calls.lookupByEmail += 1;
      await wire();
      const found = users.find((u) => u.email?.trim().toLowerCase() === email.trim().toLowerCase());
      if (!found) throw platformError('users_not_found');
      return { user: { id: found.id } };
    },
  };
  return { api, calls };
}

/** The Coralogix teammates endpoint: counts fetches, can be down. */
function fakeTeam(members: Teammate[]) {
  const team = {
    fetches: 0,
    down: false,
    fetch: async () => {
      team.fetches += 1;
      await wire();
      if (team.down) throw new AppError('coralogix_unavailable', 'Coralogix is down');
      return members;
    },
  };
  return team;
}

function setup(entries?: UserMapEntry[]) {
  const slack = fakeSlackUsers(SLACK_USERS);
  const team = fakeTeam(TEAM);
  const mapper = createUserMapper({
    userMap: entries ? createUserMap(entries) : undefined,
    directory: createTeamDirectory(team.fetch),
    slack: createSlackDirectory(slack.api),
    logger: createLogger({ level: 'silent' }),
  });
  const calls = () => ({ ...slack.calls, fetches: team.fetches });
  return { mapper, team, calls };
}

async function notMapped(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError) || error.code !== 'user_not_mapped')
    throw new Error(`expected user_not_mapped, got ${String(error)}`);
  return error;
}

describe('UserMapper.toCoralogix', () => {
  it('maps by the Slack profile e-mail, trimmed and in any letter case', async () => {
    const { mapper } = setup();
    await expect(mapper.toCoralogix('U_ALICE', 'actor')).resolves.toEqual({
      id: ALICE_ID,
      email: 'alice@example.com',
      name: 'Alice Liddell',
    });
  });

  it('takes a member with no isActive flag as active', async () => {
    const { mapper } = setup([{ slack: 'U_CAROL', coralogix: 'carol@corp.example' }]);
    await expect(mapper.toCoralogix('U_CAROL', 'target')).resolves.toMatchObject({ id: CAROL_ID });
  });

  it('maps a Slack id in the file to a Coralogix id without asking Slack, enriched from the directory', async () => {
    const { mapper, calls } = setup([{ slack: 'U_STRANGER', coralogix: CAROL_ID }]);
    await expect(mapper.toCoralogix('U_STRANGER', 'actor')).resolves.toEqual({
      id: CAROL_ID,
      email: 'carol@corp.example',
      name: 'Carol',
    });
    expect(calls().info).toBe(0);
  });

  it('keeps a mapped Coralogix id the directory does not know, even when the directory is down', async () => {
    const id = 'dddddddd-0000-4000-8000-000000000009';
    const { mapper, team } = setup([{ slack: 'U_STRANGER', coralogix: id }]);
    team.down = true;
    await expect(mapper.toCoralogix('U_STRANGER', 'actor')).resolves.toEqual({ id });
  });

  it('maps a Slack e-mail in the file to a Coralogix e-mail', async () => {
    const { mapper } = setup([{ slack: 'Carol@Slack.example', coralogix: 'carol@corp.example' }]);
    await expect(mapper.toCoralogix('U_CAROL', 'target')).resolves.toMatchObject({ id: CAROL_ID });
  });

  it('lets the file win over the e-mail match', async () => {
    const { mapper } = setup([{ slack: 'U_ALICE', coralogix: CAROL_ID }]);
    await expect(mapper.toCoralogix('U_ALICE', 'actor')).resolves.toMatchObject({ id: CAROL_ID });
  });

  it('refuses a file entry whose Coralogix e-mail no member has', async () => {
    const { mapper } = setup([{ slack: 'U_STRANGER', coralogix: 'ghost@corp.example' }]);
    const error = await notMapped(mapper.toCoralogix('U_STRANGER', 'target'));
    expect(error.details).toMatchObject({ reason: 'no_team_member', email: 'ghost@corp.example' });
  });

  it('refuses a deactivated member, saying so', async () => {
    const { mapper } = setup();
    const error = await notMapped(mapper.toCoralogix('U_BOB', 'target'));
    expect(error.details).toEqual({
      slackUserId: 'U_BOB',
      role: 'target',
      reason: 'inactive',
      email: 'bob@example.com',
    });
  });

  it('refuses a profile whose e-mail is hidden', async () => {
    const { mapper } = setup();
    const error = await notMapped(mapper.toCoralogix('U_HIDDEN', 'actor'));
    expect(error.details).toEqual({ slackUserId: 'U_HIDDEN', role: 'actor', reason: 'no_email' });
  });

  it('refuses an e-mail no team member has, naming it', async () => {
    const { mapper } = setup();
    const error = await notMapped(mapper.toCoralogix('U_STRANGER', 'target'));
    expect(error.details).toMatchObject({ reason: 'no_team_member', email: 'stranger@elsewhere.example' });
  });

  it('refuses a user Slack does not know', async () => {
    const { mapper } = setup();
    const error = await notMapped(mapper.toCoralogix('U_GONE', 'target'));
    expect(error.details).toEqual({ slackUserId: 'U_GONE', role: 'target', reason: 'not_found' });
  });

  it('answers a second lookup without calling Slack or Coralogix', async () => {
    const { mapper, calls } = setup();
    await mapper.toCoralogix('U_ALICE', 'actor');
    const before = calls();
    await mapper.toCoralogix('U_ALICE', 'target');
    expect(calls()).toEqual(before);
  });

  it('passes on a directory failure rather than calling it unmapped', async () => {
    const { mapper, team } = setup();
    team.down = true;
    await expect(mapper.toCoralogix('U_ALICE', 'actor')).rejects.toMatchObject({ code: 'coralogix_unavailable' });
  });
});

describe('UserMapper.toSlack', () => {
  it('shows a Coralogix id mapped in the file as that Slack user, asking no one', async () => {
    const { mapper, calls } = setup([{ slack: 'U_STRANGER', coralogix: CAROL_ID }]);
    await expect(mapper.toSlack(CAROL_ID)).resolves.toEqual({ kind: 'slack', slackUserId: 'U_STRANGER' });
    expect(calls()).toEqual({ info: 0, lookupByEmail: 0, fetches: 0 });
  });

  it('follows a file entry from the directory e-mail to the Slack e-mail', async () => {
    const { mapper } = setup([{ slack: 'carol@slack.example', coralogix: 'carol@corp.example' }]);
    await expect(mapper.toSlack(CAROL_ID)).resolves.toEqual({ kind: 'slack', slackUserId: 'U_CAROL' });
  });

  it('finds the Slack user by the directory e-mail', async () => {
    const { mapper } = setup();
    await expect(mapper.toSlack(ALICE_ID)).resolves.toEqual({ kind: 'slack', slackUserId: 'U_ALICE' });
  });

  it('shows the Coralogix name and e-mail when no Slack user matches', async () => {
    const { mapper } = setup();
    await expect(mapper.toSlack(CAROL_ID)).resolves.toEqual({
      kind: 'coralogix',
      coralogixUserId: CAROL_ID,
      name: 'Carol',
      email: 'carol@corp.example',
    });
  });

  it('shows just the id of a user no one knows', async () => {
    const id = 'eeeeeeee-0000-4000-8000-00000000000e';
    const { mapper } = setup();
    await expect(mapper.toSlack(id)).resolves.toEqual({ kind: 'coralogix', coralogixUserId: id });
  });

  it('answers a warm assignee without any call, and 20 concurrent renders with one of each', async () => {
    const { mapper, calls } = setup();
    const shown = await Promise.all(Array.from({ length: 20 }, () => mapper.toSlack(ALICE_ID)));
    expect(shown.every((p) => p.kind === 'slack')).toBe(true);
    expect(calls()).toEqual({ info: 0, lookupByEmail: 1, fetches: 1 });
    await mapper.toSlack(ALICE_ID);
    expect(calls()).toEqual({ info: 0, lookupByEmail: 1, fetches: 1 });
  });

  it('never throws when a source is down, and tries again on the next render', async () => {
    const { mapper, team } = setup();
    team.down = true;
    await expect(mapper.toSlack(ALICE_ID)).resolves.toEqual({ kind: 'coralogix', coralogixUserId: ALICE_ID });
    team.down = false;
    await expect(mapper.toSlack(ALICE_ID)).resolves.toEqual({ kind: 'slack', slackUserId: 'U_ALICE' });
  });
});
