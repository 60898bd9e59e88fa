import type { AppModule } from './app-module';
import { moduleList } from './modules';
import { publicReadModules } from './public-read-modules';
import { searchFunctionModules } from './search-modules';

/**
 * How the deployment cuts the one app into Lambda functions (issue 16, docs/architecture.md). Each
 * function composes the app from its own module list, so it bundles only what its requests need.
 * The routed ones get an API Gateway route for each GET route of their modules; the app function
 * takes everything else (`$default`). Locally one server still serves the whole module list.
 */
export interface FunctionSpec {
  /** CDK construct id. */
  readonly id: string;
  /** Relative to the repository root; exports `handler`. */
  readonly entry: string;
  readonly description: string;
  readonly memorySize: number;
  readonly modules: readonly AppModule[];
  /** 'own-gets': API Gateway sends this function its modules' GET routes; 'default': the rest. */
  readonly routing: 'own-gets' | 'default';
}

export const functionSpecs: readonly FunctionSpec[] = [
  {
    id: 'PublicReadFunction',
    entry: 'functions/public-read/handler.ts',
    description: 'Ocop market public reads: catalogue, product and storefront pages and JSON, reference data, verification',
    // Memory buys CPU on Lambda: the shopper's first click is the cold start that matters most.
    memorySize: 1024,
    modules: publicReadModules,
    routing: 'own-gets',
  },
  {
    id: 'SearchFunction',
    entry: 'functions/search/handler.ts',
    description: 'Ocop market search (API and page); loads the index snapshot at init',
    // The snapshot (~8 MB gzip) inflates to a few hundred MB of index on a full catalogue.
    memorySize: 2048,
    modules: searchFunctionModules,
    routing: 'own-gets',
  },
  {
    id: 'ApiFunction',
    entry: 'functions/api/handler.ts',
    description: 'Ocop market HTTP API and pages (Hono): accounts, dashboards, console, orders, uploads',
    memorySize: 1024,
    modules: moduleList,
    routing: 'default',
  },
];

export interface RouteKey {
  readonly method: string;
  /** API Gateway's syntax: `/san-pham/{id}`. */
  readonly path: string;
}

/** Hono's `/san-pham/:id` → API Gateway's `/san-pham/{id}`. */
export function gatewayPath(honoPath: string): string {
  return honoPath.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

/** The concrete (non-middleware) routes a module list mounts: its API under /api, its pages at /. */
export function routesOf(modules: readonly AppModule[]): RouteKey[] {
  const keys = new Map<string, RouteKey>();
  const add = (method: string, path: string) => {
    if (method === 'ALL' || path.includes('*')) return;
    const key = { method, path: gatewayPath(path) };
    keys.set(`${key.method} ${key.path}`, key);
  };
  for (const m of modules) {
    for (const r of m.api?.().routes ?? []) add(r.method, `/api${r.path === '/' ? '' : r.path}`);
    for (const r of m.pages?.().routes ?? []) add(r.method, r.path);
  }
  return [...keys.values()];
}

/** The API Gateway routes a function gets (none for the `$default` one). */
export function gatewayRoutesOf(spec: FunctionSpec): RouteKey[] {
  return spec.routing === 'default' ? [] : routesOf(spec.modules).filter((r) => r.method === 'GET');
}
