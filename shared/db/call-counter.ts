import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { AsyncLocalStorage } from 'node:async_hooks';

/** Counts DynamoDB calls by command name, through the SDK's middleware stack (benchmarks, tests). */
export class CallCounter {
  readonly counts = new Map<string, number>();
  /** Per-request tallies for `measure`: the SDK's middleware runs in the caller's async context. */
  private readonly scope = new AsyncLocalStorage<Map<string, number>>();

  attach(client: DynamoDBClient): this {
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const name = String(context.commandName ?? 'unknown').replace(/Command$/, '');
        this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
        const scoped = this.scope.getStore();
        if (scoped) scoped.set(name, (scoped.get(name) ?? 0) + 1);
        return next(args);
      },
      { step: 'initialize', name: 'ocopCallCounter', override: true },
    );
    return this;
  }

  /**
   * Runs `fn` and also returns the calls made from within it (its async context), apart from any
   * other work in flight at the same time: what one request cost among hundreds concurrent.
   */
  async measure<T>(fn: () => Promise<T>): Promise<{ value: T; calls: Record<string, number> }> {
    const calls = new Map<string, number>();
    const value = await this.scope.run(calls, fn);
    return { value, calls: Object.fromEntries(calls) };
  }

  total(): number {
    let sum = 0;
    for (const n of this.counts.values()) sum += n;
    return sum;
  }

  get(command: string): number {
    return this.counts.get(command) ?? 0;
  }

  reset(): void {
    this.counts.clear();
  }

  snapshot(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }
}
