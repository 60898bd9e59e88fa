import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { functionSpecs, routesOf, type RouteKey } from '../../app/functions';
import { moduleList } from '../../app/modules';
import { synthStack, type StackFixture } from './stack-fixture';

type Json = Record<string, any>;

let f: StackFixture;
beforeAll(() => {
  f = synthStack('dev');
});
afterAll(() => f?.dispose());

/** A concrete request path for a route (`{id}` → a plausible segment). */
const sample = (path: string) => path.replace(/\{[^}]+\}/g, 'x1');

/**
 * API Gateway HTTP API route selection for a request: a route whose method and path match (a
 * `{param}` is one segment) beats `$default`; among matches, literal segments beat parameters.
 */
function selectRoute(routes: { key: string; target: string }[], method: string, path: string) {
  const segments = path.split('/');
  const candidates = routes
    .filter((r) => r.key !== '$default')
    .map((r) => ({ ...r, method: r.key.split(' ')[0]!, parts: r.key.split(' ')[1]!.split('/') }))
    .filter((r) => (r.method === method || r.method === 'ANY') && r.parts.length === segments.length)
    .filter((r) => r.parts.every((p, i) => p.startsWith('{') || p === segments[i]))
    .sort((a, b) => b.parts.filter((p) => !p.startsWith('{')).length - a.parts.filter((p) => !p.startsWith('{')).length);
  return candidates[0] ?? routes.find((r) => r.key === '$default');
}

/** Which of these routes (first registered wins, as in the app) answers the request, if any. */
function answeringRoute(routes: RouteKey[], method: string, path: string): string | undefined {
  const probe = new Hono();
  for (const r of routes) probe.on(r.method, r.path.replace(/\{([^}]+)\}/g, ':$1'), () => new Response(null));
  // Hono's router answers [[handler, { method, path }], params][] in registration order.
  const [matches] = probe.router.match(method, path) as unknown as [[[unknown, { method: string; path: string }], unknown][]];
  const first = matches[0]?.[0][1];
  return first ? `${first.method} ${first.path}` : undefined;
}

/** Does this function's own app answer the request with the same route as the whole app does? */
function serves(routes: RouteKey[], method: string, path: string, full: RouteKey[] = routesOf(moduleList)): boolean {
  const own = answeringRoute(routes, method, path);
  return own !== undefined && own === answeringRoute(full, method, path);
}

describe('the function split (app/functions.ts) in the synthesized template', () => {
  const fnOf = () => {
    const resources = f.template.toJSON().Resources as Record<string, Json>;
    const byLogicalId = new Map<string, string>();
    for (const spec of functionSpecs) {
      const construct = f.stack.node.findChild(spec.id).node.findChild('Function');
      byLogicalId.set(f.logicalId(construct), spec.id);
    }
    const integrationTarget = (id: string) => {
      const uri = resources[id]!.Properties.IntegrationUri;
      return byLogicalId.get(String(uri['Fn::GetAtt'][0]))!;
    };
    const routes = Object.values(resources)
      .filter((r) => r.Type === 'AWS::ApiGatewayV2::Route')
      .map((r) => ({ key: String(r.Properties.RouteKey), target: integrationTarget(String(r.Properties.Target['Fn::Join'][1][1].Ref)) }));
    return routes;
  };

  it('sends every route of the app to exactly one function, and that function serves it', () => {
    const routes = fnOf();
    const keys = routes.map((r) => r.key);
    expect(new Set(keys).size, 'no route key twice').toBe(keys.length);
    const ownRoutes = new Map(functionSpecs.map((spec) => [spec.id, routesOf(spec.modules)]));
    const all = routesOf(moduleList);
    expect(all.length).toBeGreaterThan(100);
    const wrong: string[] = [];
    const counts = new Map<string, number>();
    for (const route of all) {
      const path = sample(route.path);
      const chosen = selectRoute(routes, route.method, path);
      if (!chosen) {
        wrong.push(`${route.method} ${route.path}: no API Gateway route`);
        continue;
      }
      counts.set(chosen.target, (counts.get(chosen.target) ?? 0) + 1);
      if (!serves(ownRoutes.get(chosen.target)!, route.method, path)) wrong.push(`${route.method} ${route.path} → ${chosen.target}, which does not serve it`);
    }
    expect(wrong).toEqual([]);
    // Each function really gets traffic: the split is not a relabelled single function.
    for (const spec of functionSpecs) expect(counts.get(spec.id) ?? 0, spec.id).toBeGreaterThan(0);
  });

  it('has no API Gateway route that the full app lacks (a dead route would 404 in AWS only)', () => {
    const full = routesOf(moduleList);
    for (const r of fnOf().filter((x) => x.key !== '$default')) {
      const [method, path] = r.key.split(' ') as [string, string];
      expect(serves(full, method, sample(path)), r.key).toBe(true);
    }
  });

  it('keeps the shopper-facing reads off the app function and the writes off the read-only one', () => {
    const routes = fnOf();
    expect(selectRoute(routes, 'GET', '/san-pham/x1')?.target).toBe('PublicReadFunction');
    expect(selectRoute(routes, 'GET', '/')?.target).toBe('PublicReadFunction');
    expect(selectRoute(routes, 'GET', '/api/products/x1')?.target).toBe('PublicReadFunction');
    expect(selectRoute(routes, 'GET', '/tim-kiem')?.target).toBe('SearchFunction');
    expect(selectRoute(routes, 'PATCH', '/api/products/x1')?.target).toBe('ApiFunction');
    expect(selectRoute(routes, 'POST', '/api/orders')?.target).toBe('ApiFunction');
    // The read-only function's role can write nothing.
    const roleId = f.logicalId(f.stack.publicReadFunction.role);
    const policies = Object.values(f.template.findResources('AWS::IAM::Policy')).filter((p) => JSON.stringify(p.Properties.Roles).includes(roleId));
    expect(policies.length).toBeGreaterThan(0);
    const publicPolicy = JSON.stringify(policies);
    expect(publicPolicy).not.toMatch(/dynamodb:(PutItem|UpdateItem|DeleteItem)/);
    expect(publicPolicy).toContain('dynamodb:Query');
  });
});
