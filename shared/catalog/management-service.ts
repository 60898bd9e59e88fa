import { randomBytes } from 'node:crypto';
import { Conflict, Forbidden, InvalidInput, NotFound } from '../http/errors';
import { assertOwnsStorefront } from '../identity/authorize';
import { assertOwnProductImages } from '../media/product-image-input';
import type { Principal } from '../identity/principal';
import { snapshotOf } from '../registry/certificate';
import { retryLostRace } from '../registry/lost-race';
import type { Services } from '../services';
import { slugify } from '../text/fold';
import type { Product } from './product';
import type { NewProduct, ProductPatch } from './management-schemas';
import { normaliseVariants, variantSummary, withVariantSummary } from './variants';

function newProductId(name: string): string {
  return `${slugify(name).slice(0, 60).replace(/-+$/, '') || 'san-pham'}-${randomBytes(3).toString('hex')}`;
}

/**
 * The object-level check for every product mutation: the product is loaded first and the caller
 * must own its storefront, so an id from another storefront gets 403 whatever the route.
 */
export async function ownedProduct(services: Services, principal: Principal | undefined, id: string): Promise<Product> {
  const product = await services.catalog.getProduct(id);
  if (!product) throw new NotFound(`Không có sản phẩm ${id}`, 'PRODUCT_NOT_FOUND');
  assertOwnsStorefront(principal, product.producerId);
  return product;
}

function assertFresh(product: Product, expectedUpdatedAt: string | undefined): void {
  if (expectedUpdatedAt !== undefined && expectedUpdatedAt !== product.updatedAt) {
    throw new Conflict('Sản phẩm vừa được sửa ở nơi khác, vui lòng tải lại', 'PRODUCT_CONFLICT');
  }
}

/** Price, unit and stock: typed in for a single-price product, derived from the variants otherwise. */
function pricingOf(input: NewProduct): Pick<Product, 'priceVnd' | 'unit' | 'stock' | 'variants'> {
  if (input.variants) {
    const variants = normaliseVariants(input.variants);
    return { variants, ...variantSummary(variants) };
  }
  // NewProductSchema already refuses a body with neither variants nor price and unit.
  if (input.priceVnd === undefined || input.unit === undefined) throw new InvalidInput('Nhập giá và đơn vị bán, hoặc các phân loại');
  return { priceVnd: input.priceVnd, unit: input.unit, stock: input.stock ?? 0 };
}

const hasVariants = (p: Product) => (p.variants?.length ?? 0) > 0;

function variantsConflict(): Conflict {
  return new Conflict('Sản phẩm có nhiều phân loại: giá, đơn vị và tồn kho được sửa theo từng phân loại', 'PRODUCT_HAS_VARIANTS');
}

/** Drafts only: a storefront exists only once its application was approved, so that is the check. */
export async function createProduct(services: Services, principal: Principal | undefined, producerId: string, input: NewProduct): Promise<Product> {
  assertOwnsStorefront(principal, producerId);
  assertOwnProductImages(input.images, producerId);
  const producer = await services.producers.getProducer(producerId);
  if (!producer) throw new Forbidden('Gian hàng chưa được duyệt', 'STOREFRONT_NOT_APPROVED');
  const at = services.clock.now().toISOString();
  const id = newProductId(input.name);
  const { priceVnd: _p, unit: _u, stock: _s, variants: _v, ...rest } = input;
  const product: Product = {
    ...rest,
    ...pricingOf(input),
    id,
    slug: id,
    producerId,
    producerName: producer.name,
    producerLegalForm: producer.legalForm,
    provinceCode: producer.provinceCode,
    commune: producer.commune,
    status: 'draft',
    createdAt: at,
    updatedAt: at,
  };
  await services.catalog.saveProduct(product);
  return product;
}

async function save(services: Services, previous: Product, changes: Partial<Product>): Promise<Product> {
  const next: Product = withVariantSummary({ ...previous, ...changes, updatedAt: services.clock.now().toISOString() });
  // saveProduct adds or removes listing items as the gate now says, in the same transaction.
  await services.catalog.saveProduct(next, previous);
  return next;
}

export async function editProduct(services: Services, principal: Principal | undefined, id: string, patch: ProductPatch): Promise<Product> {
  const previous = await ownedProduct(services, principal, id);
  if (previous.status === 'archived') throw new Conflict('Sản phẩm đã lưu trữ, không sửa được', 'PRODUCT_ARCHIVED');
  assertFresh(previous, patch.expectedUpdatedAt);
  assertOwnProductImages(patch.images, previous.producerId, previous.images);
  const { expectedUpdatedAt: _e, variants, ...changes } = patch;
  const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as Partial<Product>;
  // With variants kept, the summary is theirs: a form that sends it back unchanged is fine, a different
  // value is 409 (edit the variants, or send `variants: null` to go back to a single price).
  if (variants === undefined && hasVariants(previous) && (['priceVnd', 'unit', 'stock'] as const).some((k) => defined[k] !== undefined && defined[k] !== previous[k])) {
    throw variantsConflict();
  }
  // `null`: back to a single price (withVariantSummary drops the empty list; the last summary stays unless set here).
  if (variants === null) return save(services, previous, { ...defined, variants: [] });
  return save(services, previous, variants ? { ...defined, variants: normaliseVariants(variants) } : defined);
}

export async function archiveProduct(services: Services, principal: Principal | undefined, id: string): Promise<Product> {
  const previous = await ownedProduct(services, principal, id);
  if (previous.status === 'archived') return previous;
  return save(services, previous, { status: 'archived' });
}

export async function setStock(services: Services, principal: Principal | undefined, id: string, stock: number): Promise<Product> {
  const previous = await ownedProduct(services, principal, id);
  if (hasVariants(previous)) throw variantsConflict();
  return save(services, previous, { stock });
}

/** One variant's stock; the product's stock (their sum) follows in the same write. */
export function setVariantStock(services: Services, principal: Principal | undefined, id: string, variantId: string, stock: number): Promise<Product> {
  return setVariantStocks(services, principal, id, new Map([[variantId, stock]]));
}

/**
 * Several variants' stock in one write (the dashboard's stock form); variants not named keep theirs.
 * Every id must exist: an unknown one is 404 VARIANT_NOT_FOUND and nothing is written.
 */
export async function setVariantStocks(services: Services, principal: Principal | undefined, id: string, stocks: ReadonlyMap<string, number>): Promise<Product> {
  // Ownership first: another storefront's product is 403 whether or not the variant exists.
  const previous = await ownedProduct(services, principal, id);
  const variants = previous.variants ?? [];
  for (const variantId of stocks.keys()) {
    if (!variants.some((v) => v.id === variantId)) throw new NotFound(`Sản phẩm ${id} không có phân loại ${variantId}`, 'VARIANT_NOT_FOUND');
  }
  return save(services, previous, { variants: variants.map((v) => (stocks.has(v.id) ? { ...v, stock: stocks.get(v.id)! } : v)) });
}

/**
 * Only the owner's own, active certificate: another producer's is 403, whoever typed its number.
 * The snapshot is written in one transaction with the certificate item (registry-store.ts
 * linkProduct): still active, at the revision read here, and bumped, so a revocation racing this
 * link either comes first (the link is refused) or sees the product (it is taken down with it).
 */
export async function linkCertificate(services: Services, principal: Principal | undefined, id: string, certificateNo: string): Promise<Product> {
  // A lost race is re-read from the start: a certificate revoked meanwhile then answers CERTIFICATE_NOT_ACTIVE.
  return retryLostRace(async () => {
    const previous = await ownedProduct(services, principal, id);
    const cert = await services.certificates.getCertificate(certificateNo, { consistent: true });
    if (!cert || cert.subjectId !== previous.producerId) {
      // Unknown and foreign look the same, so the route cannot be used to probe numbers.
      throw new Forbidden('Giấy chứng nhận không thuộc cơ sở của bạn', 'CERTIFICATE_NOT_OWNED');
    }
    if (cert.status !== 'active') throw new Conflict('Giấy chứng nhận không còn hiệu lực', 'CERTIFICATE_NOT_ACTIVE');
    if (Date.parse(cert.expiresAt) <= services.clock.now().getTime()) throw new Conflict('Giấy chứng nhận đã hết hạn', 'CERTIFICATE_EXPIRED');
    const next: Product = withVariantSummary({ ...previous, certificate: snapshotOf(cert), updatedAt: services.clock.now().toISOString() });
    await services.registry.linkProduct({ certificate: cert, next, previous });
    return next;
  });
}
