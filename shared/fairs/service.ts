import { randomBytes } from 'node:crypto';
import { checkListingGate } from '../catalog/gate';
import { Forbidden, InvalidInput, NotFound } from '../http/errors';
import type { Principal } from '../identity/principal';
import { invalidStreamUrl, productNotFeaturable } from '../livestream/errors';
import { discountRefusals, featurabilityProblem, regularPriceOf } from '../livestream/service';
import { checkStreamUrl } from '../livestream/stream-url';
import type { Services } from '../services';
import { FairPriceNotADiscount } from './discount';
import {
  alreadyApplied,
  applicationDecided,
  applicationNotFound,
  applicationsClosed,
  boothNotFound,
  boothTaken,
  fairNotFound,
  illegalTransition,
  notExhibitor,
  notOrganiser,
} from './errors';
import type { Booth, BoothApplication, FeaturedFairProduct, Hall, StoredFair } from './fair';
import { allowedTransitions, listStatusOf, transition, type FairListStatus, type FairStatus } from './lifecycle';
import { MAX_FAIR_DAYS, type CreateFair, type Decorate } from './schemas';
import type { OfferWrite } from './store';

const DAY = 24 * 3_600_000;
const START_GRACE_MS = 5 * 60_000;
const MAX_ATTEMPTS = 5;

const newId = (prefix: string, now: Date) => `${prefix}-${now.getTime().toString(36)}${randomBytes(5).toString('hex')}`;

/** Organisers: an officer of one of its provinces, or an admin (national and multi-province fairs). */
export function isOrganiser(principal: Principal | undefined, fair: Pick<StoredFair, 'provinceCodes'>): boolean {
  if (!principal) return false;
  if (principal.role === 'admin') return true;
  return principal.role === 'officer' && fair.provinceCodes.includes(principal.provinceCode);
}

function assertOrganiser(principal: Principal, fair: StoredFair): void {
  if (!isOrganiser(principal, fair)) throw notOrganiser();
}

/** Halls get ids h1…hn and booth numbers running on across halls (hall 2 starts after hall 1's last). */
export function layHalls(halls: CreateFair['halls']): Hall[] {
  let next = 1;
  return halls.map((h, i) => {
    const hall: Hall = { id: `h${i + 1}`, name: h.name, kind: h.kind, code: h.code, firstBooth: next, boothCount: h.boothCount };
    next += h.boothCount;
    return hall;
  });
}

export const hallOfBooth = (fair: Pick<StoredFair, 'halls'>, boothNo: number): Hall | undefined => fair.halls.find((h) => boothNo >= h.firstBooth && boothNo < h.firstBooth + h.boothCount);

/** Who may organise which provinces: an officer exactly their own; an admin several, or national. */
function organisingProvinces(principal: Principal, body: CreateFair): { provinceCodes: string[]; national: boolean } {
  if (principal.role === 'officer') {
    const asked = [...new Set(body.provinceCodes)];
    if (body.national || asked.some((p) => p !== principal.provinceCode)) {
      throw new Forbidden('Cán bộ tỉnh chỉ tổ chức hội chợ của tỉnh mình; hội chợ liên tỉnh, toàn quốc do quản trị viên tạo', 'NOT_PROVINCE_OFFICER', { provinceCode: principal.provinceCode });
    }
    return { provinceCodes: [principal.provinceCode], national: false };
  }
  if (principal.role !== 'admin') throw notOrganiser();
  const provinceCodes = [...new Set(body.provinceCodes)];
  if (!body.national && provinceCodes.length === 0) throw new InvalidInput('Chọn tỉnh tổ chức, hoặc national: true', 'PROVINCE_REQUIRED');
  return { provinceCodes, national: body.national };
}

export async function createFair(services: Services, principal: Principal, body: CreateFair): Promise<StoredFair> {
  const now = services.clock.now();
  const scope = organisingProvinces(principal, body);
  const start = Date.parse(body.startsAt);
  const end = Date.parse(body.endsAt);
  if (end <= start) throw new InvalidInput('Ngày kết thúc phải sau ngày bắt đầu', 'INVALID_FAIR_DATES');
  if (end - start > MAX_FAIR_DAYS * DAY) throw new InvalidInput(`Một hội chợ dài tối đa ${MAX_FAIR_DAYS} ngày`, 'INVALID_FAIR_DATES', { maxDays: MAX_FAIR_DAYS });
  if (start < now.getTime() - START_GRACE_MS) throw new InvalidInput('Ngày bắt đầu đã qua', 'INVALID_FAIR_DATES');
  const at = now.toISOString();
  const fair: StoredFair = {
    id: newId('fair', now),
    name: body.name,
    theme: body.theme,
    ...(body.description ? { description: body.description } : {}),
    ...(body.bannerUrl ? { bannerUrl: body.bannerUrl } : {}),
    ...scope,
    status: 'draft',
    startsAt: new Date(start).toISOString(),
    endsAt: new Date(end).toISOString(),
    halls: layHalls(body.halls),
    createdBy: principal.accountId,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
  await services.fairs.create(fair);
  services.logger.info('fair created', { fairId: fair.id, by: principal.role });
  return fair;
}

/**
 * draft → open → live → closed by its organisers, conditional on the version read. Closing before the
 * planned end also cuts every fair price's window at this second (the offers carry it for checkout).
 */
export async function moveFair(services: Services, principal: Principal, id: string, to: FairStatus): Promise<StoredFair> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const fair = await services.fairs.get(id, true);
    if (!fair) throw fairNotFound();
    assertOrganiser(principal, fair);
    const result = transition(fair.status, to);
    if (!result.ok) throw illegalTransition(result.from, result.to, result.allowed);
    const now = services.clock.now();
    const at = now.toISOString();
    const next: StoredFair = { ...fair, status: to, ...(to === 'closed' ? { closedAt: at } : {}), updatedAt: at, version: fair.version + 1 };
    if (await services.fairs.move(fair, next)) {
      if (to === 'closed' && now.getTime() < Date.parse(fair.endsAt)) {
        const { booths } = await services.fairs.withBooths(id);
        await services.fairs.closeOffers(
          booths.flatMap((b) => b.products.filter((p) => p.fairPriceVnd !== undefined).map((p) => ({ fairId: id, productId: p.productId, variantId: p.variantId }))),
          at,
        );
      }
      services.logger.info('fair moved', { fairId: id, from: fair.status, to, by: principal.role });
      return next;
    }
  }
  throw fairBusy();
}

const fairBusy = () => Object.assign(new Error('Fair kept moving under us'), { name: 'ThrottlingException' });

export interface FairView extends Omit<StoredFair, 'version' | 'createdBy' | 'createdAt' | 'updatedAt' | 'closedAt'> {
  allowedTransitions: FairStatus[];
}

export function fairView(fair: StoredFair): FairView {
  const { version: _v, createdBy: _c, createdAt: _a, updatedAt: _u, closedAt: _x, ...rest } = fair;
  return { ...rest, allowedTransitions: allowedTransitions(fair.status) };
}

export interface PublicBooth extends Omit<Booth, 'fairId' | 'applicationId' | 'updatedAt' | 'products'> {
  products: (FeaturedFairProduct & { regularPriceVnd?: number | undefined })[];
}

/** What anyone may see of a booth: never the exhibitor's e-mail or phone (the booth item holds none). */
export function publicBooth(b: Booth): PublicBooth {
  const { fairId: _f, applicationId: _a, updatedAt: _u, ...rest } = b;
  return { ...rest, products: b.products.map((p) => ({ ...p })) };
}

export interface FairDetail extends Omit<FairView, 'halls'> {
  halls: (Hall & { booths: PublicBooth[] })[];
}

/** A draft is its organisers' only: 404 to everyone else, as if it did not exist. */
export async function fairDetail(services: Services, principal: Principal | undefined, id: string): Promise<FairDetail> {
  const { fair, booths } = await services.fairs.withBooths(id);
  if (!fair || (fair.status === 'draft' && !isOrganiser(principal, fair))) throw fairNotFound();
  const view = fairView(fair);
  return {
    ...view,
    halls: fair.halls.map((h) => ({ ...h, booths: booths.filter((b) => b.hallId === h.id).sort((a, b) => a.boothNo - b.boothNo).map(publicBooth) })),
  };
}

/** Fairs live now, upcoming (open, or live before its start) or closed: 1 Query of the public partition. */
export async function listFairs(services: Services, status: FairListStatus, limit: number): Promise<FairView[]> {
  const now = services.clock.now();
  const all = await services.fairs.listPublic(200);
  const out = all.filter((f) => listStatusOf(f, now) === status).map(fairView);
  if (status === 'upcoming') out.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  return out.slice(0, limit);
}

/** Fairs an organiser runs (drafts included), for the console: 2 Queries. */
export async function organisedFairs(services: Services, principal: Principal): Promise<FairView[]> {
  const [drafts, published] = await Promise.all([services.fairs.listDrafts(200), services.fairs.listPublic(200)]);
  return [...drafts, ...published].filter((f) => isOrganiser(principal, f)).map(fairView);
}

/** A producer with a storefront applies once per fair, while the fair is open for applications. */
export async function applyForBooth(services: Services, principal: Principal, fairId: string, body: { preferredHallId?: string | undefined; message?: string | undefined }): Promise<BoothApplication> {
  if (principal.role !== 'producer' || !principal.producerId) throw new Forbidden('Chỉ cơ sở đã có gian hàng mới đăng ký gian hội chợ', 'NOT_STOREFRONT_OWNER');
  const [fair, producer] = await Promise.all([services.fairs.get(fairId), services.producers.getProducer(principal.producerId)]);
  if (!fair || fair.status === 'draft') throw fairNotFound();
  if (fair.status !== 'open') throw applicationsClosed(fair.status);
  if (!producer) throw new NotFound('Không tìm thấy gian hàng', 'PRODUCER_NOT_FOUND');
  if (body.preferredHallId && !fair.halls.some((h) => h.id === body.preferredHallId)) throw new InvalidInput('Khu không có trong hội chợ', 'HALL_NOT_FOUND');
  const now = services.clock.now();
  const app: BoothApplication = {
    id: newId('fa', now),
    fairId,
    producerId: producer.id,
    producerName: producer.name,
    provinceCode: producer.provinceCode,
    ...(body.preferredHallId ? { preferredHallId: body.preferredHallId } : {}),
    ...(body.message ? { message: body.message } : {}),
    status: 'pending',
    createdAt: now.toISOString(),
  };
  if (!(await services.fairs.apply(app))) throw alreadyApplied(await services.fairs.applicantOf(fairId, producer.id));
  return app;
}

async function decidable(services: Services, principal: Principal, applicationId: string): Promise<{ app: BoothApplication; fair: StoredFair }> {
  const app = await services.fairs.getApplication(applicationId);
  if (!app) throw applicationNotFound();
  const fair = await services.fairs.get(app.fairId);
  if (!fair) throw fairNotFound();
  assertOrganiser(principal, fair);
  if (app.status !== 'pending') throw applicationDecided(app.status);
  if (fair.status !== 'open' && fair.status !== 'live') throw applicationsClosed(fair.status);
  return { app, fair };
}

/** Gives the booth slot to the application's producer; 409 BOOTH_TAKEN when another holds it (atomic: store.accept). */
export async function acceptApplication(services: Services, principal: Principal, applicationId: string, boothNo: number): Promise<BoothApplication> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const { app, fair } = await decidable(services, principal, applicationId);
    const hall = hallOfBooth(fair, boothNo);
    if (!hall) throw new InvalidInput(`Hội chợ không có gian số ${boothNo}`, 'BOOTH_NOT_FOUND', { boothNo });
    const at = services.clock.now().toISOString();
    const decided: BoothApplication = { ...app, status: 'accepted', boothNo, decidedAt: at, decidedBy: principal.accountId };
    const booth: Booth = {
      fairId: fair.id,
      boothNo,
      hallId: hall.id,
      producerId: app.producerId,
      producerName: app.producerName,
      provinceCode: app.provinceCode,
      groups: hall.kind === 'group' ? [hall.code] : [],
      applicationId: app.id,
      products: [],
      contacts: [],
      livestreamIds: [],
      updatedAt: at,
    };
    try {
      const outcome = await services.fairs.accept(decided, booth);
      if (outcome === 'accepted') return decided;
      if (outcome === 'booth_taken') throw boothTaken(boothNo);
      // decided: loop, and decidable() says by whom.
    } catch (error) {
      if ((error as Error).name !== 'TransactionConflict') throw error;
      await new Promise((r) => setTimeout(r, Math.random() * 20 * (attempt + 1)));
    }
  }
  throw fairBusy();
}

export async function rejectApplication(services: Services, principal: Principal, applicationId: string, reason: string): Promise<BoothApplication> {
  const { app } = await decidable(services, principal, applicationId);
  const decided: BoothApplication = { ...app, status: 'rejected', reason, decidedAt: services.clock.now().toISOString(), decidedBy: principal.accountId };
  if (!(await services.fairs.reject(decided))) {
    const latest = await services.fairs.getApplication(applicationId);
    throw applicationDecided(latest?.status ?? 'rejected');
  }
  return decided;
}

/** The organisers' queue of one fair (GetItem + 1 Query). */
export async function applicationsOf(services: Services, principal: Principal, fairId: string): Promise<BoothApplication[]> {
  const fair = await services.fairs.get(fairId);
  if (!fair) throw fairNotFound();
  assertOrganiser(principal, fair);
  return services.fairs.applicationsOfFair(fairId);
}


/**
 * The exhibitor dresses its booth: banner, intro, a video on a platform (the livestream URL check),
 * its own listed (3★) products with an optional fair price below the lowest price of the last 30
 * days (the live-price rule), public contact links and its own lives for the programme.
 */
export async function decorateBooth(services: Services, principal: Principal, fairId: string, boothNo: number, body: Decorate): Promise<Booth> {
  const [fair, booth] = await Promise.all([services.fairs.get(fairId), services.fairs.booth(fairId, boothNo)]);
  if (!fair || !booth) throw boothNotFound();
  if (principal.role !== 'admin' && (principal.role !== 'producer' || principal.producerId !== booth.producerId)) throw notExhibitor();
  if (fair.status === 'closed') throw applicationsClosed(fair.status);
  const now = services.clock.now();
  let video: Booth['video'];
  if (body.video) {
    const url = checkStreamUrl(body.video.platform, body.video.url);
    if (!url.ok) throw invalidStreamUrl('video.url', url.reason);
    video = { platform: body.video.platform, url: url.url, ...(url.embedUrl ? { embedUrl: url.embedUrl } : {}) };
  }
  const seen = new Set<string>();
  for (const p of body.products) {
    const k = `${p.productId}|${p.variantId ?? ''}`;
    if (seen.has(k)) throw new InvalidInput('Mỗi sản phẩm (phân loại) chỉ một lần', 'DUPLICATE_FAIR_PRODUCT', { productId: p.productId });
    seen.add(k);
  }
  const [products, lives] = await Promise.all([services.catalog.getProducts(body.products.map((p) => p.productId)), services.livestreams.getMany(body.livestreamIds)]);
  const foreignLives = body.livestreamIds.filter((id) => lives.get(id)?.producerId !== booth.producerId);
  if (foreignLives.length > 0) throw new Forbidden('Chỉ gắn được buổi live của gian hàng mình', 'NOT_STOREFRONT_OWNER', { livestreamIds: foreignLives });
  const problems = body.products.flatMap((p) => {
    const product = products.get(p.productId);
    const problem = featurabilityProblem(product?.producerId === booth.producerId ? product : undefined, p, now, 'Không tìm thấy sản phẩm của gian hàng');
    return problem ? [problem] : [];
  });
  if (problems.length > 0) throw productNotFeaturable({ items: problems });

  const priced = body.products.filter((p) => p.fairPriceVnd !== undefined);
  if (priced.length > 0) {
    const refused = await discountRefusals(services, products, priced.map((p) => ({ productId: p.productId, variantId: p.variantId, livePriceVnd: p.fairPriceVnd! })), now);
    if (refused.length > 0) throw new FairPriceNotADiscount(refused);
  }

  const featured: FeaturedFairProduct[] = body.products.map((p) => {
    const product = products.get(p.productId)!;
    const variant = p.variantId ? product.variants?.find((v) => v.id === p.variantId) : undefined;
    return {
      productId: p.productId,
      ...(variant ? { variantId: variant.id } : {}),
      name: variant ? `${product.name} (${variant.label})` : product.name,
      unit: variant ? variant.label : product.unit,
      ...(product.images[0] ? { image: product.images[0] } : {}),
      ...(p.fairPriceVnd !== undefined ? { fairPriceVnd: p.fairPriceVnd } : {}),
    };
  });
  const at = now.toISOString();
  const key = (p: { productId: string; variantId?: string | undefined }) => `${p.productId}|${p.variantId ?? ''}`;
  const pricedNow = new Set(featured.filter((p) => p.fairPriceVnd !== undefined).map(key));
  const writes: OfferWrite[] = [
    ...featured
      .filter((p) => p.fairPriceVnd !== undefined)
      .map((p): OfferWrite => ({
        kind: 'set',
        offer: { fairId, boothNo, producerId: booth.producerId, productId: p.productId, ...(p.variantId ? { variantId: p.variantId } : {}), fairPriceVnd: p.fairPriceVnd!, opensAt: fair.startsAt, closesAt: fair.endsAt },
      })),
    ...booth.products.filter((p) => p.fairPriceVnd !== undefined && !pricedNow.has(key(p))).map((p): OfferWrite => ({ kind: 'withdraw', fairId, productId: p.productId, variantId: p.variantId, at })),
  ];
  const next: Booth = {
    ...booth,
    ...(body.bannerUrl ? { bannerUrl: body.bannerUrl } : { bannerUrl: undefined }),
    ...(body.intro ? { intro: body.intro } : { intro: undefined }),
    video,
    products: featured,
    contacts: body.contacts,
    livestreamIds: body.livestreamIds,
    groups: [...new Set([...(booth.groups ?? []), ...featured.map((p) => products.get(p.productId)!.group)])],
    updatedAt: at,
  };
  for (const k of Object.keys(next) as (keyof Booth)[]) if (next[k] === undefined) delete next[k];
  await services.fairs.decorate(next, writes);
  return next;
}

/** A booth's public page data: the fair (not a draft), the booth, its products' regular price and 3★ gate now. */
export async function boothDetail(services: Services, principal: Principal | undefined, fairId: string, boothNo: number) {
  const [fair, booth] = await Promise.all([services.fairs.get(fairId), services.fairs.booth(fairId, boothNo)]);
  if (!fair || (fair.status === 'draft' && !isOrganiser(principal, fair))) throw fairNotFound();
  if (!booth) throw boothNotFound();
  const now = services.clock.now();
  const products = await services.catalog.getProducts(booth.products.map((p) => p.productId));
  const view = publicBooth(booth);
  view.products = booth.products.flatMap((p) => {
    const product = products.get(p.productId);
    // The 3★ gate, read now: a product hidden since the booth was dressed leaves the booth too.
    if (!product || !checkListingGate(product, now).listed) return [];
    const regular = regularPriceOf(product, p.variantId);
    if (regular === undefined) return [];
    return [{ ...p, regularPriceVnd: regular }];
  });
  return { fair: fairView(fair), booth: view, hall: hallOfBooth(fair, boothNo) };
}
