import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EdgeServices } from '../../app/create-services';
import { CallCounter } from '../../shared/db/call-counter';
import { haversineKm } from '../../shared/locator/geo-cells';
import type { PointOfSale } from '../../shared/locator/point-of-sale';
import { nearbyPoints } from '../../shared/locator/service';
import { pointItems } from '../../shared/locator/store';
import { vietnamBoxes } from '../../shared/locator/vietnam-bounds';
import { provinces } from '../../shared/reference/provinces';
import { ManualClock } from '../../shared/time/clock';
import { createTestServices } from '../support/test-services';

/** mulberry32: the same 5,000 points and searches on every run. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const POINTS = 5_000;
const SEARCHES = 150;
const hours = { weekly: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] }, closures: [] };

describe('nearest points = brute-force haversine, on DynamoDB Local', () => {
  let services: EdgeServices;
  let points: PointOfSale[];
  const random = rng(20261203);
  const counter = new CallCounter();

  /** Clustered round province centres (as real points are) plus a uniform spread over every box, islands included. */
  function somewhere(): [number, number] {
    if (random() < 0.7) {
      const p = provinces[Math.floor(random() * provinces.length)]!;
      return [p.lat + (random() - 0.5) * 0.6, p.lng + (random() - 0.5) * 0.6];
    }
    const b = vietnamBoxes[Math.floor(random() * vietnamBoxes.length)]!;
    return [b.south + random() * (b.north - b.south), b.west + random() * (b.east - b.west)];
  }

  beforeAll(async () => {
    services = await createTestServices({ clock: new ManualClock('2026-12-21T02:00:00Z') });
    points = Array.from({ length: POINTS }, (_, i) => {
      const [lat, lng] = somewhere();
      return {
        id: `diem-${i}`,
        name: `Điểm ${i}`,
        type: i % 3 ? 'showroom' : 'rest_stop',
        provinceCode: provinces[i % provinces.length]!.code,
        commune: 'Phường Thử',
        street: `${i} Đường Thử`,
        lat,
        lng,
        openingHours: hours,
        status: i % 17 === 0 ? 'closed' : 'open',
        productIds: [],
        producerIds: [],
        createdAt: '2026-12-01T00:00:00Z',
        updatedAt: '2026-12-01T00:00:00Z',
        version: 1,
      } satisfies PointOfSale;
    });
    const items = points.flatMap(pointItems);
    const batches: (typeof items)[] = [];
    for (let i = 0; i < items.length; i += 25) batches.push(items.slice(i, i + 25));
    // 25,000 items; 8 batches in flight.
    for (let i = 0; i < batches.length; i += 8) {
      await Promise.all(
        batches.slice(i, i + 8).map(async (batch) => {
          let request: Record<string, unknown[]> | undefined = { [services.config.tableName]: batch.map((Item) => ({ PutRequest: { Item } })) };
          while (request && Object.keys(request).length) {
            const out = await services.db.send(new BatchWriteCommand({ RequestItems: request as never }));
            request = out.UnprocessedItems as Record<string, unknown[]> | undefined;
          }
        }),
      );
    }
    counter.attach(services.dynamo);
  }, 300_000);

  it(`answers ${SEARCHES} random searches (0.1–500 km) with exactly the brute-force ids in the same order, in ≤ 9 Queries each`, async () => {
    let nonEmpty = 0;
    for (let s = 0; s < SEARCHES; s++) {
      const [lat, lng] = somewhere();
      // Log-uniform radii: as many street-level searches as country-wide ones.
      const radiusKm = Math.round(Math.exp(Math.log(0.1) + random() * (Math.log(500) - Math.log(0.1))) * 1000) / 1000;
      const limit = 1 + Math.floor(random() * 100);
      const type = random() < 0.2 ? ('rest_stop' as const) : undefined;
      counter.reset();
      const found = await nearbyPoints(services, { lat, lng, radiusKm, limit, type });
      expect(counter.get('Query'), `search ${s}`).toBeLessThanOrEqual(9);
      expect(counter.get('Scan')).toBe(0);
      const expected = points
        .filter((p) => p.status !== 'closed' && (!type || p.type === type))
        .map((p) => ({ id: p.id, d: haversineKm(lat, lng, p.lat, p.lng) }))
        .filter((x) => x.d <= radiusKm)
        .sort((a, b) => a.d - b.d || a.id.localeCompare(b.id))
        .slice(0, limit)
        .map((x) => x.id);
      expect(found.map((f) => f.point.id), `search ${s}: ${lat},${lng} r=${radiusKm}`).toEqual(expected);
      if (expected.length) nonEmpty++;
    }
    // The property means something only if most searches find points.
    expect(nonEmpty).toBeGreaterThan(SEARCHES / 2);
  }, 300_000);
});
