/**
 * The people of the playground. Slack and Coralogix know them separately, as in a real company:
 * the app finds one from the other by e-mail, so the e-mails below are what ties them together.
 */
export interface SlackPerson {
  id: string;
  teamId: string;
  /** The handle typed after `@` in the composer. */
  name: string;
  realName: string;
  email?: string;
  /** Shown in the "acting as" switcher, so a visitor knows what to expect. */
  about: string;
}

export interface CoralogixPerson {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  isActive: boolean;
}

export const HOME_TEAM = { id: 'T0PLAYHOME', name: 'Acme Corp', domain: 'acme' } as const;
export const PARTNER_TEAM = { id: 'T0PARTNER1', name: 'Partner Co', domain: 'partner' } as const;
export const CHANNEL = { id: 'C0INCIDENTS', name: 'incidents' } as const;

export const SLACK_PEOPLE: readonly SlackPerson[] = [
  {
    id: 'U01ALICE',
    teamId: HOME_TEAM.id,
    name: 'alice',
    realName: 'Alice Jones',
    email: 'alice@acme.example',
    about: 'on call, has a Coralogix account',
  },
  {
    id: 'U02BOB',
    teamId: HOME_TEAM.id,
    name: 'bob',
    realName: 'Bob Smith',
    email: 'bob.smith@acme.example',
    about: 'SRE, has a Coralogix account',
  },
  {
    id: 'U03PRIYA',
    teamId: HOME_TEAM.id,
    name: 'priya',
    realName: 'Priya Natarajan',
    email: 'priya@acme.example',
    about: 'payments team, has a Coralogix account',
  },
  {
    id: 'U04DAVE',
    teamId: HOME_TEAM.id,
    name: 'dave',
    realName: 'Dave Miller',
    email: 'dave@acme.example',
    about: 'no Coralogix account: the app refuses him',
  },
  {
    id: 'U05EVE',
    teamId: PARTNER_TEAM.id,
    name: 'eve',
    realName: 'Eve Partner',
    email: 'eve@partner.example',
    about: 'from another workspace (shared channel): refused',
  },
];

export const CORALOGIX_PEOPLE: readonly CoralogixPerson[] = [
  person('3af152ee-9eaf-4803-87f1-23c5fb2fbaa0', 'alice@acme.example', 'Alice', 'Jones'),
  // Coralogix keeps the e-mail as it was typed at invitation; the app matches case-insensitively.
  person('5b1c7d0e-2f3a-4b5c-8d9e-0f1a2b3c4d5e', 'Bob.Smith@acme.example', 'Bob', 'Smith'),
  person('8d0e4f61-7a2b-4c3d-9e8f-1a2b3c4d5e6f', 'priya@acme.example', 'Priya', 'Natarajan'),
  // In Coralogix only: cases assigned to him show his name and e-mail instead of a mention.
  person('c4a7e2d9-1b3f-4e5a-8c6d-7f8091a2b3c4', 'marco.rossi@acme.example', 'Marco', 'Rossi'),
  { ...person('e9f8d7c6-b5a4-4932-8170-6f5e4d3c2b1a', 'former@acme.example', 'Former', 'Employee'), isActive: false },
];

function person(id: string, email: string, firstName: string, lastName: string): CoralogixPerson {
  return { id, email, firstName, lastName, isActive: true };
}

export function coralogixPersonById(id: string | undefined): CoralogixPerson | undefined {
  return CORALOGIX_PEOPLE.find((p) => p.id === id);
}
