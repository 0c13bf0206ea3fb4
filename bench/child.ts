import { spawn, type ChildProcess } from 'node:child_process';
import { openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export interface AppProcess {
  port: number;
  pid: number;
  /** Peak resident set of the process so far (VmHWM), in MB. */
  peakRssMb(): number;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
}

const TSX = require.resolve('tsx/cjs');

/**
 * Runs a TypeScript entry as its own Node process, so its memory is its own and honest to measure.
 * Its output goes to `logFile`; it is up once `serving` appears there.
 */
export async function startProcess(opts: {
  entry: string;
  args?: string[];
  env: Record<string, string>;
  cwd: string;
  logFile: string;
  /** For profiling: e.g. --cpu-prof. */
  nodeArgs?: string[];
}): Promise<AppProcess> {
  const port = await freePort();
  const out = openSync(opts.logFile, 'w');
  const child = spawn(
    process.execPath,
    [
      ...(opts.nodeArgs ?? []),
      '--require',
      TSX,
      opts.entry,
      ...(opts.args ?? []).map((a) => a.replace('{port}', String(port))),
    ],
    {
      cwd: opts.cwd,
      env: { PATH: process.env.PATH ?? '', ...opts.env, PORT: String(port) },
      stdio: ['ignore', out, out],
    },
  );
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await waitForLine(opts.logFile, 'serving', child);
  return {
    port,
    pid: child.pid ?? 0,
    peakRssMb: () => peakRssMb(child.pid ?? 0),
    async stop() {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

function peakRssMb(pid: number): number {
  const status = readFileSync(join('/proc', String(pid), 'status'), 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return Math.round(kb / 1024);
}

async function waitForLine(file: string, text: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`${file}: the process exited (${child.exitCode})\n${readFileSync(file, 'utf8')}`);
    if (readFileSync(file, 'utf8').includes(text)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${file}: not serving after 30 s`);
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
