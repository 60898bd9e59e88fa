import type { App } from '../../app/create-app';
import type { TestAccount } from '../authz/accounts';

export const youtube = 'https://www.youtube.com/watch?v=dQw4w9WgXcQ';

export interface LiveAnswer {
  id: string;
  status: string;
  allowedActions: string[];
  startsAt: string;
  endsAt: string;
  embedUrl?: string;
  products?: { productId: string; variantId?: string; livePriceVnd: number; regularPriceVnd: number; quota: number | null; quotaLeft: number | null; stock: number }[];
}

/** A valid body: one product, starting in `startInMinutes` for `hours`, relative to `now`. */
export function liveBody(now: Date, products: { productId: string; variantId?: string; livePriceVnd: number; quota?: number }[], over: Record<string, unknown> = {}) {
  const start = new Date(now.getTime() + 60 * 60_000);
  return {
    title: 'Mật ong giá live',
    platform: 'youtube' as const,
    streamUrl: youtube,
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + 2 * 3600_000).toISOString(),
    products,
    ...over,
  };
}

export function postLive(app: App, who: TestAccount | undefined, path: string, body?: unknown) {
  return app.request(`/api/livestreams${path}`, {
    method: 'POST',
    headers: { ...(who?.bearer ?? {}), 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

export async function getLive(app: App, id: string): Promise<LiveAnswer> {
  const res = await app.request(`/api/livestreams/${id}`);
  if (res.status !== 200) throw new Error(`GET live ${id}: ${res.status} ${await res.text()}`);
  return (await res.json()) as LiveAnswer;
}
