import { assertOwnsStorefront } from '../identity/authorize';
import type { Principal } from '../identity/principal';
import type { Services } from '../services';
import { invalidStreamUrl, liveNotEditable, liveNotEnded, livestreamNotFound, productNotFeaturable, productNotInLive } from './errors';
import type { FeaturedProduct, StoredLive } from './livestream';
import type { EditLivestream } from './schemas';
import { assertRealDiscounts, checkTimes, featurabilityProblem } from './service';
import { checkStreamUrl } from './stream-url';
import { effectiveStatus } from './window';

const MAX_ATTEMPTS = 4;
const lineKey = (p: { productId: string; variantId?: string | undefined }) => `${p.productId}|${p.variantId ?? ''}`;

/**
 * Applies the edit to the featured products: a new live price or quota for a product already in
 * the live; any other product is refused (adding or removing products is a new live).
 */
function editedProducts(live: StoredLive, edits: EditLivestream['products']): FeaturedProduct[] {
  if (!edits) return live.products;
  const byKey = new Map(edits.map((e) => [lineKey(e), e]));
  const unknown = edits.filter((e) => !live.products.some((p) => lineKey(p) === lineKey(e)));
  if (unknown.length > 0) throw productNotInLive(unknown.map((e) => ({ productId: e.productId, ...(e.variantId ? { variantId: e.variantId } : {}) })));
  return live.products.map((p) => {
    const e = byKey.get(lineKey(p));
    if (!e) return p;
    const { quota: _q, ...rest } = p;
    const quota = e.quota === null ? undefined : (e.quota ?? p.quota);
    return { ...rest, livePriceVnd: e.livePriceVnd ?? p.livePriceVnd, ...(quota !== undefined ? { quota } : {}) };
  });
}

/**
 * Edits a live before it starts (the owning storefront or an admin): title, description, stream
 * URL, times, and the live price / quota of featured products. Changed prices pass the same
 * real-discount rule as at scheduling; products must still pass the 3★ gate. Once the live is on
 * (pressed or by the clock), ended or cancelled: 409 `LIVE_NOT_EDITABLE`.
 */
export async function editLivestream(services: Services, principal: Principal, id: string, body: EditLivestream): Promise<StoredLive> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const live = await services.livestreams.get(id, true);
    if (!live) throw livestreamNotFound();
    assertOwnsStorefront(principal, live.producerId, { orAdmin: true });
    const now = services.clock.now();
    const status = effectiveStatus(live, now);
    if (status !== 'scheduled') throw liveNotEditable(status);

    const platform = body.platform ?? live.platform;
    let stream = { streamUrl: live.streamUrl, embedUrl: live.embedUrl };
    if (body.streamUrl !== undefined) {
      const url = checkStreamUrl(platform, body.streamUrl);
      if (!url.ok) throw invalidStreamUrl('streamUrl', url.reason);
      stream = { streamUrl: url.url, embedUrl: url.embedUrl };
    }
    const times = body.startsAt !== undefined || body.endsAt !== undefined ? checkTimes(body.startsAt ?? live.startsAt, body.endsAt ?? live.endsAt, now) : { startsAt: live.startsAt, endsAt: live.endsAt };
    const products = editedProducts(live, body.products);

    const repriced = products.filter((p, i) => p.livePriceVnd !== live.products[i]!.livePriceVnd);
    if (repriced.length > 0) {
      const catalog = await services.catalog.getProducts(repriced.map((p) => p.productId));
      const gated = repriced.flatMap((p) => {
        const problem = featurabilityProblem(catalog.get(p.productId), p, now);
        return problem ? [problem] : [];
      });
      if (gated.length > 0) throw productNotFeaturable({ items: gated });
      await assertRealDiscounts(services, catalog, repriced, now);
    }

    const { embedUrl: _e, description: _d, ...kept } = live;
    const description = body.description === undefined ? live.description : body.description || undefined;
    const next: StoredLive = {
      ...kept,
      ...(body.title ? { title: body.title } : {}),
      ...(description ? { description } : {}),
      platform,
      streamUrl: stream.streamUrl,
      ...(stream.embedUrl ? { embedUrl: stream.embedUrl } : {}),
      ...times,
      products,
      editedAt: now.toISOString(),
      updatedAt: now.toISOString(),
      version: live.version + 1,
    };
    if (await services.livestreams.edit(live, next, now)) {
      services.logger.info('livestream edited', { livestreamId: id, fields: Object.keys(body) });
      return next;
    }
  }
  const latest = await services.livestreams.get(id, true);
  throw liveNotEditable(latest ? effectiveStatus(latest, services.clock.now()) : 'ended');
}

/** After the end, the storefront attaches a replay of the same platform (shown on the page and under "Xem lại"). */
export async function attachReplay(services: Services, principal: Principal, id: string, replayUrl: string): Promise<StoredLive> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const live = await services.livestreams.get(id, true);
    if (!live) throw livestreamNotFound();
    assertOwnsStorefront(principal, live.producerId, { orAdmin: true });
    const now = services.clock.now();
    const status = effectiveStatus(live, now);
    if (status !== 'ended') throw liveNotEnded(status);
    const url = checkStreamUrl(live.platform, replayUrl);
    if (!url.ok) throw invalidStreamUrl('replayUrl', url.reason);
    const { replayEmbedUrl: _r, ...kept } = live;
    const next: StoredLive = { ...kept, replayUrl: url.url, ...(url.embedUrl ? { replayEmbedUrl: url.embedUrl } : {}), updatedAt: now.toISOString(), version: live.version + 1 };
    if (await services.livestreams.replace(live, next)) return next;
  }
  throw livestreamNotFound();
}
