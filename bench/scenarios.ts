/**
 * What the bench asks for. The list queries live here because two processes need them: the load
 * generator builds the app's URLs from them and the floor server builds its DynamoDB inputs from them.
 */

/** A province is picked once so the figure is repeatable; products are spread evenly over all 34. */
export const BENCH_PROVINCE = '79';

export const listQueries = {
  'list-newest': { limit: '24' },
  'list-food-4star-price': { group: 'food', minStars: '4', sort: 'price_asc', limit: '24' },
  'list-province-stars': { province: BENCH_PROVINCE, sort: 'stars', limit: '24' },
} as const satisfies Record<string, Record<string, string>>;

export type ListScenarioName = keyof typeof listQueries;

export interface Scenario {
  name: string;
  /** The app's route, as a shopper or the API client calls it. */
  describe: string;
  app: () => string;
  floor: () => string;
}

/** Round-robin over many ids so the product reads are not one hot, cache-friendly item. */
function rotate(ids: readonly string[]): () => string {
  let i = 0;
  return () => ids[i++ % ids.length]!;
}

export function buildScenarios(productIds: readonly string[]): Scenario[] {
  const lists = (Object.keys(listQueries) as ListScenarioName[]).map((name) => {
    const path = `/api/products?${new URLSearchParams(listQueries[name])}`;
    return { name, describe: `GET ${path}`, app: () => path, floor: () => `/list/${name}` };
  });
  const apiId = rotate(productIds);
  const floorApiId = rotate(productIds);
  const pageId = rotate(productIds);
  const floorPageId = rotate(productIds);
  return [
    ...lists,
    {
      name: 'product-json',
      describe: `GET /api/products/<id> (${productIds.length} ids, round-robin)`,
      app: () => `/api/products/${apiId()}`,
      floor: () => `/product/${floorApiId()}`,
    },
    {
      name: 'product-page',
      describe: `GET /san-pham/<id> (${productIds.length} ids, round-robin)`,
      app: () => `/san-pham/${pageId()}`,
      floor: () => `/page/${floorPageId()}`,
    },
  ];
}
