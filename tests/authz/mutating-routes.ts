import type { App } from '../../app/create-app';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Mutating routes as Hono registered them (validators add duplicates; `ALL` is middleware). */
export function mutatingRoutes(app: App): string[] {
  return [...new Set(app.routes.filter((r) => MUTATING.has(r.method)).map((r) => `${r.method} ${r.path}`))].sort();
}
