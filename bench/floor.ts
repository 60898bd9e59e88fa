/**
 * The floor: the least any server could do for each scenario. A plain node:http server (no
 * framework, no validation, no mapping) making the same DynamoDB calls as the app and writing the
 * raw items as JSON. Plain node:http rather than a bare Hono route so the app-over-floor figure
 * includes the framework too; the bare Hono row prices the framework on its own.
 */
import { GetCommand, QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { createServer, type Server } from 'node:http';
import { DynamoCatalogStore } from '../shared/catalog/store';
import { productKey } from '../shared/catalog/keys';
import { ListProductsQuerySchema } from '../shared/catalog/list-query';
import { listQueries, type ListScenarioName } from './scenarios';

/** Same bound as the store's MAX_QUERY_CALLS (not exported), so a thin page costs the floor what it costs the app. */
const MAX_QUERY_CALLS = 4;

/**
 * Lets the real DynamoCatalogStore build its QueryCommand input against a recording client, so the
 * floor replays exactly what the app sends (key condition, filters, index, Limit) without copying it.
 */
export async function captureListInput(tableName: string, query: Record<string, string>): Promise<QueryCommandInput> {
  let captured: QueryCommandInput | undefined;
  const recorder = {
    send: async (command: QueryCommand) => {
      captured = command.input;
      return { Items: [] };
    },
  } as unknown as DynamoDBDocumentClient;
  await new DynamoCatalogStore(recorder, tableName).listProducts(ListProductsQuerySchema.parse(query), new Date());
  if (!captured) throw new Error(`The store made no Query for ${JSON.stringify(query)}`);
  return captured;
}

export async function createFloorServer(db: DynamoDBDocumentClient, tableName: string): Promise<Server> {
  const templates = new Map<string, { template: QueryCommandInput; want: number }>();
  for (const name of Object.keys(listQueries) as ListScenarioName[]) {
    const query = listQueries[name];
    templates.set(name, {
      template: await captureListInput(tableName, query),
      // The store pages until it holds limit + 1 items (the extra one says "there is a next page").
      want: ListProductsQuerySchema.parse(query).limit + 1,
    });
  }

  async function list({ template, want }: { template: QueryCommandInput; want: number }): Promise<string> {
    // `:now` is the only per-request value in the input: the gate is evaluated at request time.
    const values = { ...template.ExpressionAttributeValues, ':now': new Date().toISOString() };
    const items: Record<string, unknown>[] = [];
    let startKey: Record<string, unknown> | undefined;
    let calls = 0;
    do {
      const page = await db.send(new QueryCommand({ ...template, ExpressionAttributeValues: values, ExclusiveStartKey: startKey }));
      calls++;
      items.push(...(page.Items ?? []));
      startKey = page.LastEvaluatedKey;
    } while (items.length < want && startKey && calls < MAX_QUERY_CALLS);
    return JSON.stringify({ items });
  }

  const server = createServer((req, res) => {
    const [, kind, arg] = (req.url ?? '').split('/');
    const send = (status: number, body: string, type = 'application/json') => {
      res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
      res.end(body);
    };
    const work = async () => {
      if (kind === 'list' && arg && templates.has(arg)) return send(200, await list(templates.get(arg)!));
      if ((kind === 'product' || kind === 'page') && arg) {
        const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: productKey(arg) }));
        if (!Item) return send(404, '{"error":"not found"}');
        if (kind === 'product') return send(200, JSON.stringify(Item));
        return send(200, `<!doctype html><html lang="vi"><body><h1>${String(Item.name).replace(/[<&]/g, '')}</h1></body></html>`, 'text/html; charset=utf-8');
      }
      send(404, '{"error":"no such floor route"}');
    };
    work().catch((error: Error) => send(500, JSON.stringify({ error: error.message })));
  });
  return server;
}
