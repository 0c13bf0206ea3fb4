import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/** Where the Coralogix OpenAPI specs are (tests may read the environment); unset turns the checks off. */
export const openapiDir = process.env.CORALOGIX_OPENAPI_DIR;

/** `describe` when the specs are at hand; otherwise skipped, with a line that says how to turn it on. */
export function describeConformance(name: string, body: () => void): void {
  if (openapiDir) return describe(name, body);
  // Straight to stdout: Jest drops the console output of a file whose tests are all skipped.
  process.stdout.write(
    'Coralogix conformance skipped: set CORALOGIX_OPENAPI_DIR to a folder with Coralogix OpenAPI specs cases_service.json and case_events_service.json\n',
  );
  describe.skip(name, body);
}

/** The Coralogix specs a request under /mgmt/openapi/5 is checked against. */
const SPEC_FILES = ['cases_service.json', 'case_events_service.json'];

export interface WireRequest {
  method: string;
  /** Path relative to /mgmt/openapi/5, still percent-encoded. */
  path: string;
  /** The raw body text; empty when none was sent. */
  rawBody: string;
}

interface Parameter {
  name: string;
  in: string;
  schema?: object;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { required?: boolean };
}
interface PathItem {
  parameters?: Parameter[];
  [method: string]: Operation | Parameter[] | undefined;
}
interface Route {
  spec: string;
  template: string;
  pattern: RegExp;
  names: string[];
  item: PathItem;
}

/** Returns what is wrong with a request according to the specs; empty when it conforms. */
export type ConformanceCheck = (request: WireRequest) => string[];

const checkers = new Map<string, ConformanceCheck>();

/** One checker per directory, shared by every fake server of a test file: Ajv compiles once. */
export function conformanceChecker(dir: string): ConformanceCheck {
  let check = checkers.get(dir);
  if (!check) {
    check = buildChecker(dir);
    checkers.set(dir, check);
  }
  return check;
}

function buildChecker(dir: string): ConformanceCheck {
  // The specs use OpenAPI keywords (example, nullable…) that are not JSON Schema: strict off.
  const ajv = new Ajv({ strict: false, allErrors: true, logger: false });
  addFormats(ajv);
  const routes: Route[] = [];
  for (const file of SPEC_FILES) {
    const doc = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { paths: Record<string, PathItem> };
    // Registered whole under its file name, so "#/components/..." refs resolve inside it.
    ajv.addSchema(doc, file);
    for (const [template, item] of Object.entries(doc.paths)) routes.push(toRoute(file, template, item));
  }
  const validators = new Map<string, ValidateFunction>();
  const validatorFor = (ref: string): ValidateFunction => {
    let v = validators.get(ref);
    if (!v) validators.set(ref, (v = ajv.compile({ $ref: ref })));
    return v;
  };

  return ({ method, path, rawBody }) => {
    const label = `${method} ${path}`;
    const found = findRoute(routes, method, path);
    if (!found) return [`${label}: no such operation in the specs`];
    const { route, values, operation } = found;
    const problems: string[] = [];
    const params = [...(route.item.parameters ?? []), ...(operation.parameters ?? [])];
    route.names.forEach((name, i) => {
      const schema = params.find((p) => p.in === 'path' && p.name === name)?.schema;
      if (schema && !ajv.validate(schema, values[i] ?? '')) {
        problems.push(`${label}: path parameter ${name} ${errors(ajv.errors)}`);
      }
    });
    const base = `${route.spec}#/paths/${pointer(route.template)}/${method.toLowerCase()}/requestBody`;
    if (!operation.requestBody) {
      if (rawBody.length > 0) problems.push(`${label}: sends a body where the spec declares none`);
      return problems;
    }
    if (rawBody.length === 0) {
      if (operation.requestBody.required) problems.push(`${label}: required body missing`);
      return problems;
    }
    let body: unknown;
    try {
      body = JSON.parse(rawBody);
    } catch {
      return [...problems, `${label}: body is not JSON`];
    }
    const validate = validatorFor(`${base}/content/application~1json/schema`);
    if (!validate(body)) problems.push(`${label}: body ${errors(validate.errors)}`);
    return problems;
  };
}

function toRoute(spec: string, template: string, item: PathItem): Route {
  const names: string[] = [];
  const source = template
    .split('/')
    .map((segment) => {
      const param = /^\{(.+)\}$/.exec(segment)?.[1];
      if (param === undefined) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(param);
      return '([^/]+)';
    })
    .join('/');
  return { spec, template, pattern: new RegExp(`^${source}$`), names, item };
}

function findRoute(routes: Route[], method: string, path: string) {
  const pathOnly = path.split('?')[0] ?? '';
  for (const route of routes) {
    const match = route.pattern.exec(pathOnly);
    const operation = route.item[method.toLowerCase()] as Operation | undefined;
    if (!match || !operation || Array.isArray(operation)) continue;
    return { route, operation, values: match.slice(1).map((v) => decodeURIComponent(v)) };
  }
  return undefined;
}

function pointer(template: string): string {
  return template.replace(/~/g, '~0').replace(/\//g, '~1');
}

function errors(list: ValidateFunction['errors']): string {
  return (list ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message ?? 'invalid'}`).join('; ');
}
