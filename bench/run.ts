import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseOptions } from './options';
import { measureApp, measureBareBolt } from './phases';
import { buildReport, table } from './report';
import { startWorld } from './world';

/**
 * `npm run bench`: the app in HTTP mode against the fake Slack and Coralogix, next to a bare Bolt
 * app that only acknowledges. Prints a table and writes the numbers to bench/results/.
 */
async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const world = await startWorld(options);
  try {
    process.stdout.write(`bare Bolt baseline: ${options.rate}/s for ${options.duration} s…\n`);
    const baseline = await measureBareBolt(world, options);
    process.stdout.write(`case-assign: ${options.rate}/s for ${options.duration} s…\n`);
    const app = await measureApp(world, options);
    const report = buildReport(options, baseline, app);

    const dir = join(__dirname, 'results');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    const machine = {
      node: process.version,
      platform: process.platform,
      cpus: (await import('node:os')).cpus().length,
    };
    writeFileSync(file, `${JSON.stringify({ at: new Date().toISOString(), machine, ...report }, null, 2)}\n`);
    process.stdout.write(`\n${table(report)}\n\nresults: ${file}\n`);
  } finally {
    await world.close();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
