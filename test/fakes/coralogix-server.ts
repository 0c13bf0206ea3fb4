import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildCase, buildTeammate, type FakeCase, type FakeTeammate, type TeammateInput } from './coralogix-data';
import { answer, type CoralogixState } from './coralogix-routes';
import { conformanceChecker, type ConformanceCheck } from './openapi-conformance';

export type { FakeCase, FakeTeammate } from './coralogix-data';
export { describeConformance, openapiDir } from './openapi-conformance';

export interface RecordedRequest {
  method: string;
  /** As sent, still percent-encoded, with the query. */
  path: string;
  headers: IncomingMessage['headers'];
  /** Parsed JSON, the raw text when it is not JSON, undefined when empty. */
  body: unknown;
  at: number;
}

/** A scripted answer for the next matching request(s): any status, even a 200 of an odd shape. */
export type Fault =
  | { status: number; body?: string | object; headers?: Record<string, string>; delayMs?: number }
  | { kind: 'hangup' }
  | { kind: 'timeout' }
  /** Coralogix makes the change, then the answer is lost: the client cannot know it happened. */
  | { kind: 'applied-then-hangup' }
  /** Coralogix acts only after `delayMs`, when the client may have given up, and never answers. */
  | { kind: 'applied-late'; delayMs: number };

/** Fails a share of matching requests with faults picked in turn; seeded, so a run can be repeated. */
export interface RandomFaults {
  rate: number;
  faults: Fault[];
  seed?: number;
  route?: string | RegExp;
}

export interface FakeCoralogix {
  origin: string;
  apiKey: string;
  requests: RecordedRequest[];
  violations: string[];
  cases: Map<string, FakeCase>;
  comments: Array<{ caseId: string; text: string }>;
  addCase(partial?: Partial<FakeCase>): FakeCase;
  addTeammate(input: TeammateInput): FakeTeammate;
  /** `route` matches "METHOD path" (path with or without /mgmt/openapi/5) by prefix, or by regex. */
  failNext(route: string | RegExp, fault: Fault, times?: number): void;
  setDelay(ms: number): void;
  /** Until called again with rate 0: each matching request fails with probability `rate`. */
  failRandomly(opts: RandomFaults): void;
  /** How many requests `failRandomly` failed. */
  randomFaults(): number;
  denyPermission(permission: string): void;
  close(): Promise<void>;
}

const API = '/mgmt/openapi/5';

export async function startFakeCoralogix(opts: { apiKey?: string; openapiDir?: string } = {}): Promise<FakeCoralogix> {
  const apiKey = opts.apiKey ?? 'cxtp_fake_key_0123456789';
  const check: ConformanceCheck | undefined = opts.openapiDir ? conformanceChecker(opts.openapiDir) : undefined;
  const state: CoralogixState = { cases: new Map(), comments: [], teammates: [], denied: new Set() };
  const requests: RecordedRequest[] = [];
  const violations: string[] = [];
  const faults: Array<{ route: string | RegExp; fault: Fault; left: number }> = [];
  let delayMs = 0;
  let caseNumber = 0;
  let random: (RandomFaults & { next: () => number; turn: number }) | undefined;
  let randomHits = 0;

  const takeRandomFault = (method: string, path: string): Fault | undefined => {
    if (!random || random.rate <= 0 || random.faults.length === 0) return undefined;
    const { route } = random;
    const key = `${method} ${path.startsWith(API) ? path.slice(API.length) : path}`;
    if (route !== undefined && !(typeof route === 'string' ? key.startsWith(route) : route.test(key))) return undefined;
    if (random.next() >= random.rate) return undefined;
    randomHits += 1;
    return random.faults[random.turn++ % random.faults.length];
  };

  const takeFault = (method: string, path: string): Fault | undefined => {
    const keys = [`${method} ${path}`, `${method} ${path.startsWith(API) ? path.slice(API.length) : path}`];
    const hit = faults.find(
      (f) => f.left > 0 && keys.some((k) => (typeof f.route === 'string' ? k.startsWith(f.route) : f.route.test(k))),
    );
    if (hit) hit.left -= 1;
    return hit?.fault;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const method = req.method ?? 'GET';
    const path = req.url ?? '/';
    const rawBody = await readBody(req);
    const body = parseBody(rawBody);
    requests.push({ method, path, headers: req.headers, body, at: Date.now() });
    if (check && path.startsWith(API)) violations.push(...check({ method, path: path.slice(API.length), rawBody }));

    await sleep(delayMs);
    const fault = takeFault(method, path) ?? takeRandomFault(method, path);
    if (fault && 'kind' in fault) {
      if (fault.kind === 'applied-late') await sleep(fault.delayMs);
      if (fault.kind === 'applied-then-hangup' || fault.kind === 'applied-late') answer(state, method, path, body);
      // A timeout leaves the socket open until the client gives up or the server closes.
      if (fault.kind !== 'timeout') req.socket.destroy();
      return;
    }
    if (fault) {
      await sleep(fault.delayMs ?? 0);
      return send(res, fault.status, fault.body, fault.headers);
    }
    if (req.headers.authorization !== `Bearer ${apiKey}`) {
      return send(res, 401, { code: 401, message: 'Unauthorized' });
    }
    const result = answer(state, method, path, body);
    send(res, result.status, result.body);
  };

  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    origin: `http://127.0.0.1:${port}`,
    apiKey,
    requests,
    violations,
    cases: state.cases,
    comments: state.comments,
    addCase(partial = {}) {
      const built = buildCase((caseNumber += 1), partial);
      state.cases.set(built.id, built);
      return built;
    },
    addTeammate(input) {
      const teammate = buildTeammate(input);
      state.teammates.push(teammate);
      return teammate;
    },
    failNext(route, fault, times = 1) {
      faults.push({ route, fault, left: times });
    },
    setDelay(ms) {
      delayMs = ms;
    },
    failRandomly(opts) {
      random = { ...opts, next: mulberry32(opts.seed ?? 1), turn: 0 };
    },
    randomFaults: () => randomHits,
    denyPermission(permission) {
      state.denied.add(permission);
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
    },
  };
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = typeof body === 'string' ? body : body === undefined ? '' : JSON.stringify(body);
  const type = typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json';
  res.writeHead(status, { 'content-type': type, ...headers });
  res.end(text);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseBody(raw: string): unknown {
  if (raw.length === 0) return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}

/** A small seeded PRNG (mulberry32): the same seed gives the same sequence of faults. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms: number): Promise<void> => (ms > 0 ? new Promise((r) => setTimeout(r, ms)) : Promise.resolve());
