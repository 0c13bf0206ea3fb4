/** What a bench run is asked to do; every flag has a default that matches the target. */
export interface BenchOptions {
  /** Commands per second, sent at a fixed pace whatever the answers do. */
  rate: number;
  /** Seconds of measured load, per app. */
  duration: number;
  /** Milliseconds the fake Coralogix waits before each answer. */
  delay: number;
  /** Most acknowledgements awaited at once; a command due beyond it is counted as dropped. */
  concurrency: number;
  cases: number;
  users: number;
  /** The app's --max-old-space-size in MB; 0 leaves Node's default. */
  heap: number;
}

const DEFAULTS: BenchOptions = { rate: 200, duration: 20, delay: 50, concurrency: 64, cases: 200, users: 50, heap: 0 };

const USAGE = `npm run bench -- [--rate 200] [--duration 20] [--delay 50] [--concurrency 64] [--cases 200] [--users 50] [--heap 0]`;

export function parseOptions(argv: string[]): BenchOptions {
  const options = { ...DEFAULTS };
  for (let i = 0; i < argv.length; i += 2) {
    const flag = argv[i] ?? '';
    const [name, inline] = flag.startsWith('--') ? flag.slice(2).split('=') : [];
    const raw = inline ?? argv[i + 1];
    if (inline !== undefined) i -= 1;
    if (!name || !(name in DEFAULTS) || raw === undefined)
      throw new Error(`unknown or incomplete flag ${flag}\n${USAGE}`);
    const value = Number(raw);
    if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} takes a non-negative number\n${USAGE}`);
    options[name as keyof BenchOptions] = value;
  }
  if (options.rate <= 0 || options.duration <= 0 || options.concurrency < 1) throw new Error(USAGE);
  return options;
}
