import { startFakeCoralogix, type FakeCoralogix } from '../test/fakes/coralogix-server';
import { startFakeSlack, type FakeSlack } from '../test/fakes/slack-server';
import { DEFAULT_IDS } from '../test/support/slack-payloads';
import { slashCommandBody } from '../test/support/slack-requests';
import type { BenchOptions } from './options';

export const CORALOGIX_KEY = 'cxtp_bench_key_5e0c7a91';

/** The fake Slack and Coralogix the app runs against, with the people and cases of the bench. */
export interface World {
  slack: FakeSlack;
  coralogix: FakeCoralogix;
  /** Signed-ready body of command n of a phase; its response_url id is `<phase>-<n>`. */
  command(phase: string, n: number): string;
  close(): Promise<void>;
}

/**
 * Every user has a Slack profile and a Coralogix teammate with the same e-mail. Phase "warm" uses
 * cases of its own, so the measured phase still meets each of its cases for the first time (one
 * deep-link lookup each) while the user caches are warm.
 */
export async function startWorld(options: BenchOptions): Promise<World> {
  const slack = await startFakeSlack({ teamId: DEFAULT_IDS.team });
  const coralogix = await startFakeCoralogix({ apiKey: CORALOGIX_KEY });
  const users = Array.from({ length: options.users }, (_, i) => `UBENCH${String(i).padStart(4, '0')}`);
  users.forEach((id, i) => {
    const email = `responder${i}@bench.example`;
    slack.addUser({ id, teamId: DEFAULT_IDS.team, name: `responder${i}`, realName: `Responder ${i}`, email });
    coralogix.addTeammate({ email, firstName: 'Responder', lastName: String(i) });
  });
  const caseId = () => {
    const c = coralogix.addCase();
    return c.readableId ?? c.id;
  };
  const measured = Array.from({ length: options.cases }, caseId);
  const warm = Array.from({ length: options.users }, caseId);
  coralogix.setDelay(options.delay);

  return {
    slack,
    coralogix,
    command(phase, n) {
      const cases = phase === 'run' ? measured : warm;
      const user = users[n % users.length]!;
      // Half take the case themselves, half hand it to a colleague by mention.
      const who = n % 2 === 0 ? 'me' : `<@${users[(n + 1) % users.length]!}>`;
      return slashCommandBody({
        text: `${cases[n % cases.length]!} ${who}`,
        user_id: user,
        user_name: user.toLowerCase(),
        response_url: slack.responseUrl(`${phase}-${n}`),
      });
    },
    async close() {
      await slack.close();
      await coralogix.close();
    },
  };
}
