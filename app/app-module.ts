import type { Hono } from 'hono';
import type { AppEnv } from '../shared/http/app-env';
import type { ModuleDescriptor } from '../shared/module/define-module';

/** A capability as the app mounts it: its module (shared/<name>/) and its pages (web/<name>/). */
export type AppModule<M extends ModuleDescriptor = ModuleDescriptor> = M & { readonly pages?: () => Hono<AppEnv> };

/** Keeps core code (shared/) free of pages: the root is where the two halves of a capability meet. */
export function withPages<M extends ModuleDescriptor>(module: M, pages: () => Hono<AppEnv>): AppModule<M> {
  return { ...module, pages };
}
