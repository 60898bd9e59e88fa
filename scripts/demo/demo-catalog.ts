import { bankAccountHolderName } from '../../shared/payments/bank-account';
import type { Product } from '../../shared/catalog/product';
import { normaliseVariants, withVariantSummary } from '../../shared/catalog/variants';
import { snapshotOf, type Certificate } from '../../shared/registry/certificate';
import { subgroupByCode } from '../../shared/reference/taxonomy';
import type { Producer } from '../../shared/storefront/producer';
import { buildCertificate, decisionDateFor, type DemoCertificate } from './demo-certificates';
import { demoEmail, demoPhone, demoTaxCode } from './demo-contacts';
import { DAY_MS, todayInVietnam, vietnamInstant } from './demo-dates';
import { demoImageOf } from './demo-image-layout';
import { DEMO_PRODUCERS } from './demo-producers';
import { DEMO_PRODUCTS } from './demo-products';
import { NOTABLE_NAMES, type DemoProducerSpec, type DemoProductSpec } from './demo-spec';
import { demoId, sha1Hex, stableInt } from './ids';

export interface DemoCatalog {
  producers: Producer[];
  certificates: Certificate[];
  products: Product[];
}

/** Ids of the records tests point at (product ids, except `someProducer`). */
export const DEMO_IDS = {
  listedFiveStar: demoId(NOTABLE_NAMES.listedFiveStar),
  traVinhLegacy: demoId(NOTABLE_NAMES.traVinhLegacy),
  twoStar: demoId(NOTABLE_NAMES.twoStar),
  expired: demoId(NOTABLE_NAMES.expired),
  revoked: demoId(NOTABLE_NAMES.revoked),
  someProducer: demoId(NOTABLE_NAMES.someProducer),
} as const;

/** Products appear over the last ~6 months, so "newest" and "new this week" look alive. */
const CREATED_SPREAD_DAYS = 180;
const HOUR_MS = 3600 * 1000;

/**
 * The demo catalogue as of `now`: pure and deterministic, every date relative to `now`, so seeding
 * on any day gives a catalogue that is valid that day (except the records meant to be hidden).
 */
export function demoCatalog(now: Date): DemoCatalog {
  const today = todayInVietnam(now);
  const producerSpecs = indexProducers(DEMO_PRODUCERS);
  const createdRank = rankByHash(DEMO_PRODUCTS.map((p) => p.name));
  const certificates: DemoCertificate[] = [];
  const products: Product[] = [];
  const seenIds = new Set<string>();

  DEMO_PRODUCTS.forEach((spec, index) => {
    const producer = producerSpecs.get(spec.producer);
    if (!producer) throw new Error(`Demo product "${spec.name}": unknown producer ${spec.producer}`);
    const taxonomy = subgroupByCode(spec.subgroup);
    if (!taxonomy) throw new Error(`Demo product "${spec.name}": unknown subgroup ${spec.subgroup}`);
    const id = demoId(spec.name);
    if (seenIds.has(id)) throw new Error(`Demo product id collision: ${id}`);
    seenIds.add(id);

    const producerId = demoId(producer.name);
    const decisionDate = decisionDateFor(spec.cert, today, spec.name);
    const certificate = buildCertificate({
      spec: spec.cert,
      salt: spec.name,
      serial: index + 1,
      decisionDate,
      today,
      producer,
      producerId,
      productGroup: taxonomy.group.code,
      subgroup: spec.subgroup,
    });
    // The product it was recorded for, as the registry stores it: the province console shows it.
    certificates.push({ ...certificate, productId: id });
    const createdAt = createdAtFor(spec, now, createdRank.get(spec.name) ?? index, DEMO_PRODUCTS.length, decisionDate);
    products.push(productOf(spec, { id, producer, producerId, group: taxonomy.group.code, certificate, createdAt }));
  });

  const producers = DEMO_PRODUCERS.map((spec) => {
    const id = demoId(spec.name);
    const own = products.filter((p) => p.producerId === id).map((p) => Date.parse(p.createdAt));
    // A seller's storefront opens a week before its first listing.
    const createdAt = new Date((own.length ? Math.min(...own) : now.getTime() - CREATED_SPREAD_DAYS * DAY_MS) - 7 * DAY_MS);
    return producerOf(spec, id, createdAt);
  });

  return { producers, certificates, products };
}

function indexProducers(specs: readonly DemoProducerSpec[]): Map<string, DemoProducerSpec> {
  const byKey = new Map<string, DemoProducerSpec>();
  for (const spec of specs) {
    if (byKey.has(spec.key)) throw new Error(`Duplicate demo producer key ${spec.key}`);
    byKey.set(spec.key, spec);
  }
  return byKey;
}

/** A stable shuffle: listing order mixes producers and groups instead of following the spec files. */
function rankByHash(names: string[]): Map<string, number> {
  const sorted = [...names].sort((a, b) => sha1Hex(a).localeCompare(sha1Hex(b)));
  return new Map(sorted.map((name, rank) => [name, rank]));
}

function createdAtFor(spec: DemoProductSpec, now: Date, rank: number, count: number, decisionDate: string): string {
  const step = (CREATED_SPREAD_DAYS * DAY_MS) / Math.max(1, count);
  const spread = now.getTime() - (rank + 1) * step - stableInt(`${spec.name}#h`, 0, 20) * HOUR_MS;
  // Listed only after certification: at least three days after the decision was signed.
  const certified = vietnamInstant(decisionDate, 9).getTime() + 3 * DAY_MS;
  const at = Math.min(Math.max(spread, certified), now.getTime() - HOUR_MS);
  return new Date(Math.floor(at / 60_000) * 60_000).toISOString();
}

function productOf(
  spec: DemoProductSpec,
  ctx: { id: string; producer: DemoProducerSpec; producerId: string; group: string; certificate: DemoCertificate; createdAt: string },
): Product {
  const { demo: _demo, ...certificate } = ctx.certificate;
  const variants = spec.moreVariants
    ? normaliseVariants([{ label: spec.unit, priceVnd: spec.priceVnd, stock: spec.stock }, ...spec.moreVariants])
    : undefined;
  return withVariantSummary({
    id: ctx.id,
    slug: ctx.id,
    name: spec.name,
    description: spec.description,
    producerId: ctx.producerId,
    producerName: ctx.producer.name,
    producerLegalForm: ctx.producer.legalForm,
    provinceCode: ctx.producer.provinceCode,
    commune: ctx.producer.commune,
    group: ctx.group,
    subgroup: spec.subgroup,
    priceVnd: spec.priceVnd,
    unit: spec.unit,
    stock: spec.stock,
    images: [demoImageOf(ctx.id, spec.name)],
    tags: [...spec.tags],
    status: 'active',
    certificate: snapshotOf(certificate),
    createdAt: ctx.createdAt,
    updatedAt: ctx.createdAt,
    demo: true,
    ...(variants ? { variants } : {}),
  });
}

function producerOf(spec: DemoProducerSpec, id: string, createdAt: Date): Producer {
  const email = demoEmail(spec);
  return {
    id,
    name: spec.name,
    legalForm: spec.legalForm,
    taxCode: demoTaxCode(spec),
    provinceCode: spec.provinceCode,
    commune: spec.commune,
    addressLine: spec.addressLine,
    story: spec.story,
    phone: demoPhone(spec),
    ...(email ? { email } : {}),
    // So checkout shows real shipping lines and VietQR works in the demo: flat 30.000 ₫, free from
    // 500.000 ₫, and a made-up Vietcombank account (the tax code's digits; a demo, never a real account).
    shippingFeeVnd: 30_000,
    freeShippingThresholdVnd: 500_000,
    bank: { bankBin: '970436', accountNumber: demoTaxCode(spec).replace(/\D/g, '').slice(0, 13), accountName: bankAccountHolderName(spec.name).slice(0, 50).trim() },
    createdAt: createdAt.toISOString(),
    demo: true,
  };
}
