import { demoPoints } from './demo-points';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { AppError } from '../../shared/http/errors';
import type { MediaStore } from '../../shared/media/media-store';
import type { EdgeServices as Services } from '../../app/create-services';
import { demoCatalog } from './demo-catalog';
import { renderDemoImages } from './demo-images';
import { mapLimit } from './pool';

/** Written last: its presence means the demo is complete, so a second seed does nothing. */
export const DEMO_MARKER_KEY = { PK: 'META#DEMO', SK: 'SEED' } as const;

export interface SeedResult {
  producers: number;
  products: number;
  certificates: number;
  seeded: boolean;
}

const WRITE_CONCURRENCY = 8;
// sharp already spreads one image over the cores; a few at a time keeps memory and latency flat.
const IMAGE_CONCURRENCY = 3;

/**
 * Seeds the demo catalogue as of `options.now`: producers and certificates (while the images
 * render), then products (one transaction each: the product and its listing items), then the
 * marker. Idempotent: with the marker present nothing is read or written beyond it. A run that died
 * halfway is finished by the next one, because records already written answer with a conflict and
 * are skipped.
 */
export async function seedDemo(services: Services, media: MediaStore, options: { now: Date }): Promise<SeedResult> {
  const tableName = services.config.tableName;
  const { Item: marker } = await services.db.send(new GetCommand({ TableName: tableName, Key: DEMO_MARKER_KEY, ConsistentRead: true }));
  if (marker) {
    return { producers: Number(marker.producers ?? 0), products: Number(marker.products ?? 0), certificates: Number(marker.certificates ?? 0), seeded: false };
  }

  const catalog = demoCatalog(options.now);
  // Images render on this process's CPU while the registry writes wait on the database.
  const images = mapLimit(catalog.products, IMAGE_CONCURRENCY, async (product) => {
    const rendered = await renderDemoImages(product);
    for (const image of rendered) await media.put(image.key, image.body, image.contentType);
  });
  // Each certificate goes in with its province index item (the province console's list), keyed on its subject's province.
  const provinceOf = new Map(catalog.producers.map((p) => [p.id, p.provinceCode]));
  const registry = (async () => {
    await mapLimit(catalog.producers, WRITE_CONCURRENCY, (p) => skipExisting(() => services.producers.createProducer(p)));
    await mapLimit(catalog.certificates, WRITE_CONCURRENCY, (c) => skipExisting(() => services.certificates.createCertificate(c, provinceOf.get(c.subjectId))));
  })();
  // Products last: a listed product must never point at a missing picture, producer or certificate.
  await Promise.all([images, registry]);
  await mapLimit(catalog.products, WRITE_CONCURRENCY, (p) => skipExisting(() => services.catalog.saveProduct(p)));
  // Points of sale carry whole demo storefronts (docs/locator.md).
  await mapLimit(demoPoints(catalog.producers, options.now), WRITE_CONCURRENCY, (p) => skipExisting(() => services.points.create(p)));

  const counts = { producers: catalog.producers.length, products: catalog.products.length, certificates: catalog.certificates.length };
  try {
    await services.db.send(
      new PutCommand({
        TableName: tableName,
        Item: { ...DEMO_MARKER_KEY, type: 'DemoSeed', seededAt: options.now.toISOString(), ...counts },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
  } catch (error) {
    // Another seed finished first: the data is the same, its marker stands.
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
  services.logger.info('Demo catalogue seeded', { ...counts, now: options.now.toISOString() });
  return { ...counts, seeded: true };
}

/** A 409 from a store means the record is already there (an earlier, interrupted seed). */
async function skipExisting(write: () => Promise<void>): Promise<void> {
  try {
    await write();
  } catch (error) {
    if (error instanceof AppError && error.status === 409) return;
    throw error;
  }
}
