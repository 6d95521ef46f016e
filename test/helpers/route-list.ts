// The application's routes, read from the app itself so a route added later is covered without editing
// the tests that walk them: every method and path Fastify's router holds (hidden routes included), each
// with its OpenAPI operation when it is documented (its parameters and body schema).
import type { App } from '../../src/http/types.ts';

/** The parts of an OpenAPI operation the tests read. */
export interface Operation {
  parameters?: Array<{ in: 'path' | 'query' | 'header'; name: string; required?: boolean; schema?: JsonSchema }>;
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  security?: unknown[];
}

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  maxLength?: number;
  minLength?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  format?: string;
  default?: unknown;
}

export interface RouteInfo {
  method: string;
  /** Fastify's pattern: `/api/v1/channels/:handle`, `/console/*`. */
  path: string;
  /** The documented operation, or undefined for a hidden route (pages, health, metrics, assets). */
  operation?: Operation;
}

/**
 * Parses `printRoutes({ commonPrefix: false })`: one node a line, nested four columns a level, a child's
 * segment appended to its parent's path, and the node's methods in parentheses when it ends a route.
 */
export function routesOfTree(tree: string): Array<{ method: string; path: string }> {
  const stack: string[] = [];
  const routes: Array<{ method: string; path: string }> = [];
  for (const line of tree.split('\n')) {
    const m = /^(.*?)[├└]── (.*?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!m) continue;
    const depth = m[1].length / 4;
    stack.length = depth;
    const path = (depth > 0 ? stack[depth - 1] : '') + m[2];
    stack.push(path);
    for (const method of m[3]?.split(', ') ?? []) routes.push({ method, path });
  }
  return routes;
}

/**
 * The tree prints a wildcard without the static part just above it (`/console/*` as `/console` then `*`,
 * `/api/docs/static/*` under `/api/docs/` beside `static/index.html`): the route is the first of the
 * candidates, from the paths around it, that the router confirms.
 */
function wildcardRoute(app: App, method: string, printed: string, all: string[]): string {
  const parent = printed.slice(0, -1);
  const candidates = [printed, `${parent}/*`];
  for (const p of all) {
    if (!p.startsWith(parent)) continue;
    for (let i = p.indexOf('/', parent.length); i !== -1; i = p.indexOf('/', i + 1)) candidates.push(`${p.slice(0, i + 1)}*`);
  }
  return candidates.find((url) => app.hasRoute({ method: method as 'GET', url })) ?? printed;
}

/** Every route of a ready app (HEAD routes left out: Fastify answers them as GET without a body). */
export async function appRoutes(app: App): Promise<RouteInfo[]> {
  const doc = (await app.inject({ method: 'GET', url: '/api/docs/json' })).json() as { paths: Record<string, Record<string, Operation>> };
  const printed = routesOfTree(app.printRoutes({ commonPrefix: false }));
  const paths = printed.map((r) => r.path);
  return printed
    .map((r) => (r.path.endsWith('*') ? { ...r, path: wildcardRoute(app, r.method, r.path, paths) } : r))
    .filter((r) => r.method !== 'HEAD')
    .map((r) => ({ ...r, operation: doc.paths[r.path.replace(/:(\w+)/g, '{$1}')]?.[r.method.toLowerCase()] }))
    .sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`));
}

/** The documented routes as `METHOD /path/{param}`: to check that the parse above found them all. */
export async function documentedRoutes(app: App): Promise<string[]> {
  const doc = (await app.inject({ method: 'GET', url: '/api/docs/json' })).json() as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
}
