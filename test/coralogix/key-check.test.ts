import { watchCoralogixKey } from '../../src/coralogix/key-check';
import { AppError } from '../../src/errors';
import { Readiness } from '../../src/http/readiness';
import { createLogger } from '../../src/logger';

const lines: Array<Record<string, unknown>> = [];
const logger = createLogger({
  level: 'debug',
  destination: { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) },
});

const until = async (probe: () => boolean): Promise<void> => {
  while (!probe()) await new Promise((r) => setTimeout(r, 5));
};

describe('the Coralogix key check at boot', () => {
  it('becomes ready on its own once a key that was refused is accepted', async () => {
    const readiness = new Readiness(['coralogix']);
    const answers = [new AppError('coralogix_forbidden', 'Coralogix said 403', { status: 403 })];
    const probe = () => {
      const next = answers.shift();
      return next ? Promise.reject(next) : Promise.resolve();
    };
    const watch = watchCoralogixKey({ probe, readiness, logger, recheckMs: 5 });

    await watch.first;
    expect(readiness.state()).toEqual({ ready: false, reasons: [expect.stringContaining('403')] });
    await until(() => readiness.state().ready);
    expect(lines.map((l) => l.msg)).toContain('Coralogix key accepted');
    watch.stop();
  });

  it('stops checking when the app stops', async () => {
    const readiness = new Readiness(['coralogix']);
    let calls = 0;
    const probe = () => {
      calls += 1;
      return Promise.reject(new AppError('coralogix_unavailable', 'down'));
    };
    const watch = watchCoralogixKey({ probe, readiness, logger, recheckMs: 5 });
    await watch.first;
    watch.stop();
    const seen = calls;
    await new Promise((r) => setTimeout(r, 50));
    expect(calls).toBe(seen);
    expect(readiness.state().reasons).toEqual(['coralogix: Coralogix could not be reached: down']);
  });

  it('reports shutting down above everything else', () => {
    const readiness = new Readiness(['coralogix']);
    readiness.pass('coralogix');
    expect(readiness.state().ready).toBe(true);
    readiness.stop();
    expect(readiness.state()).toEqual({ ready: false, reasons: ['shutting down'] });
  });
});
