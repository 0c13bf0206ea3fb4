import fc from 'fast-check';
import { renderCase } from '../../src/blocks/case-message';
import { blockKitViolations } from '../support/block-kit-limits';
import { buildCase } from '../support/case-builder';
import { allStrings } from './render-helpers';

/** Strings that lean towards what could break a message: control sequences, emoji, sheer length. */
const hostile = fc.oneof(
  fc.string({ maxLength: 5000, unit: 'binary' }),
  fc
    .array(fc.constantFrom('<!channel>', '<@U123>', '<http://evil|x>', '&', '<', '>', '|', '😀', 'a', ' '), {
      maxLength: 800,
    })
    .map((parts) => parts.join('')),
);

describe('renderCase with arbitrary text from Coralogix', () => {
  it('stays within every limit and never lets the text turn into markup', () => {
    fc.assert(
      fc.property(
        hostile,
        fc.array(fc.tuple(hostile, hostile), { maxLength: 30 }),
        hostile,
        hostile,
        (title, pairs, summary, readableId) => {
          const labels = pairs.map(([key, value]) => ({ key, value }));
          const c = buildCase({ title, labels, aiSummary: summary, readableId, assignee: { userId: 'u1' } });
          const message = renderCase({ case: c, link: 'https://acme.coralogix.com/#/cases/1' });
          expect(blockKitViolations(message)).toEqual([]);
          for (const s of allStrings(message)) {
            // Our own markup is only date tokens, the mention-free link to Coralogix and known words.
            const foreign = s.replace(/<!date\^[^>]*>/g, '').replace(/<https:\/\/acme\.coralogix\.com[^>]*>/g, '');
            expect(foreign).not.toMatch(/<!|<@|<http/);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
