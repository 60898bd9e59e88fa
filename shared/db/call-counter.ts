import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/** Counts DynamoDB calls by command name, through the SDK's middleware stack (benchmarks, tests). */
export class CallCounter {
  readonly counts = new Map<string, number>();

  attach(client: DynamoDBClient): this {
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const name = String(context.commandName ?? 'unknown').replace(/Command$/, '');
        this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
        return next(args);
      },
      { step: 'initialize', name: 'ocopCallCounter', override: true },
    );
    return this;
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
