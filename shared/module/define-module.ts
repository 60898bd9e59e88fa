import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Hono } from 'hono';
import type { IndexDefinition } from '../db/table-definition';
import type { AppEnv } from '../http/app-env';
import type { ServiceDeps, Services } from '../services';

/** The item-level DynamoDB actions a module's code may call (never Scan: there is no such member). */
export type TableAction =
  | 'GetItem'
  | 'BatchGetItem'
  | 'Query'
  | 'PutItem'
  | 'UpdateItem'
  | 'DeleteItem'
  | 'BatchWriteItem'
  | 'ConditionCheckItem';

/** Work on a timer: an EventBridge rule → its own Lambda in AWS, a command locally. */
export interface ScheduledJob {
  /** CDK construct id and the name in logs, PascalCase. */
  readonly id: string;
  readonly description: string;
  /** The Lambda entry, relative to the repository root; it exports `handler`. */
  readonly entry: string;
  /** EventBridge cron fields, UTC. */
  readonly schedule: { readonly minute: string; readonly hour: string };
  readonly timeoutMinutes: number;
  /** The only actions and partitions (IAM LeadingKeys patterns) the job may touch. */
  readonly tableActions: readonly TableAction[];
  readonly leadingKeys: readonly string[];
  /** Indexes it queries (read only, the index's own partitions; IAM LeadingKeys speaks of the table's key). */
  readonly indexQueries?: readonly string[];
  /** How to run it on a developer's machine (README). */
  readonly localCommand: string;
}

/**
 * One capability's contribution to the app, the services, the table, the stack and the tests. The
 * composition root (app/modules.ts) holds the one list of these; everything that must know "all
 * capabilities" loops over it, so a new capability is one folder plus one line there.
 */
export interface ModuleDescriptor {
  readonly name: string;
  /** Partition-key prefixes of the items this module owns; a test proves no two modules share one. */
  readonly keyPrefixes: readonly string[];
  /** OpenAPI routes, mounted under /api. */
  readonly api?: () => OpenAPIHono<AppEnv>;
  /** Server-rendered pages, mounted at /. */
  readonly web?: () => Hono<AppEnv>;
  /** API paths that read their own (larger) body and set their own limit instead of the 64 KB one. */
  readonly ownBodyLimitPaths?: readonly string[];
  /** Builds this module's members of `Services`. Modules run in list order. */
  readonly services?: (deps: ServiceDeps) => object;
  /**
   * Runs once every module's services exist: wraps this module's write paths so the in-process search
   * index hears of every change before the request answers (in AWS the table stream does it).
   */
  readonly searchHooks?: (services: Services) => Partial<Services>;
  /** Global secondary indexes its queries use; the table has the union (same name = same definition). */
  readonly indexes?: readonly IndexDefinition[];
  /** What the API function's routes of this module do to the table (the API role gets the union). */
  readonly tableActions?: readonly TableAction[];
  readonly jobs?: readonly ScheduledJob[];
}

/** Keeps the literal types (route factories, service members) so the root can check them. */
export function defineModule<const M extends ModuleDescriptor>(module: M): M {
  return module;
}
