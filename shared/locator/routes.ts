import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { ProductCardSchema } from '../catalog/product';
import type { AppEnv } from '../http/app-env';
import { errorResponse } from '../http/error-schema';
import { InvalidInput } from '../http/errors';
import { PublicIdSchema } from '../http/ids';
import { queryIntegerOr } from '../http/query-integer';
import { validationHook } from '../http/validation-hook';
import { requirePrincipal, requireRole } from '../identity/authorize';
import { securedBy } from '../identity/route-helpers';
import { provinceCodes } from '../reference/provinces';
import { OpeningHoursSchema, PointInputSchema, PointPatchSchema, pointStatuses, pointTypes, type PointOfSale } from './point-of-sale';
import { bodyLimit } from 'hono/body-limit';
import { PayloadTooLarge } from '../http/errors';
import { csvDownloadHeaders, exportProvinceCsv, managedProvince } from './csv-export';
import { DecisionInputSchema, DeclarationInputSchema, decideDeclaration, declarePoint } from './declarations';
import { importPointsCsv, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from './csv-import';
import { carriedProducts, createPoint, deletePoint, getPoint, nearbyPoints, openState, provincePoints, updatePoint, type NearbyPoint } from './service';

const tags = ['points of sale'];

/** Decimal degrees or km as typed: digits, one optional point, an optional minus — no `1e3`, `0x`, spaces. */
function queryDecimal(min: number, max: number, example: number) {
  return z
    .string()
    .regex(/^-?[0-9]{1,3}(\.[0-9]{1,8})?$/, 'Chỉ nhận số thập phân (ví dụ 21.0285)')
    .transform(Number)
    .pipe(z.number().min(min).max(max))
    .openapi({ type: 'number', minimum: min, maximum: max, example });
}

const PointSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    type: z.enum(pointTypes),
    status: z.enum(pointStatuses),
    provinceCode: z.string(),
    commune: z.string(),
    street: z.string(),
    lat: z.number(),
    lng: z.number(),
    openingHours: OpeningHoursSchema,
    phone: z.string().optional(),
    productIds: z.array(z.string()),
    producerIds: z.array(z.string()),
    importKey: z.string().optional().openapi({ description: 'The "Mã" of the CSV row it was imported from' }),
    openNow: z.boolean().openapi({ description: 'Listed as open and inside its hours now, in Vietnam time' }),
    nextOpening: z.string().optional().openapi({ description: 'Next opening (UTC ISO-8601) within two weeks, if any' }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('PointOfSale');

const NearbySchema = PointSchema.extend({ distanceKm: z.number().openapi({ example: 1.24 }) }).openapi('NearbyPointOfSale');

export const pointView = (point: PointOfSale, now: Date) => {
  const { version: _v, ...rest } = point;
  const state = openState(point, now);
  return { ...rest, openNow: state.openNow, ...(state.nextOpening ? { nextOpening: state.nextOpening.toISOString() } : {}) };
};
const nearbyView = (n: NearbyPoint, now: Date) => ({ ...pointView(n.point, now), distanceKm: Math.round(n.distanceKm * 100) / 100 });

const json = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });
const answer = <T extends z.ZodType>(schema: T, description: string) => ({ content: { 'application/json': { schema } }, description });
const writeErrors = {
  400: errorResponse('INVALID_INPUT (outside Vietnam, overlapping hours, …)'),
  401: errorResponse('Not signed in'),
  403: errorResponse('NOT_PROVINCE_OFFICER: another province'),
};

const listRoute = createRoute({
  tags,
  method: 'get',
  path: '/points-of-sale',
  summary: 'OCOP points of sale nearest to a point (lat+lng), or of a province, sorted by distance',
  request: {
    query: z.object({
      lat: queryDecimal(-90, 90, 21.0285).optional(),
      lng: queryDecimal(-180, 180, 105.8542).optional(),
      province: z.enum(provinceCodes).optional().openapi({ description: 'Instead of lat/lng: the province’s points, from its centre' }),
      radiusKm: queryDecimal(0.1, 500, 10).default('10' as never).openapi({ default: 10 }),
      type: z.enum(pointTypes).optional(),
      openNow: z.enum(['true', 'false']).optional(),
      productId: PublicIdSchema.optional().openapi({ description: 'Only points carrying it; a product outside the 3★ gate is carried nowhere' }),
      producerId: PublicIdSchema.optional().openapi({ description: 'Only points carrying this whole storefront' }),
      limit: queryIntegerOr(1, 100, 20),
    }),
  },
  responses: {
    200: answer(z.object({ items: z.array(NearbySchema) }).openapi('NearbyPointsOfSale'), 'Nearest first'),
    400: errorResponse('INVALID_INPUT: lat without lng, radiusKm outside 0.1–500, limit outside 1–100, …'),
  },
});

const getRoute = createRoute({
  tags,
  method: 'get',
  path: '/points-of-sale/{id}',
  summary: 'One point of sale, with the products it carries that pass the 3★ gate now',
  request: { params: z.object({ id: PublicIdSchema }) },
  responses: {
    200: answer(PointSchema.extend({ products: z.array(ProductCardSchema) }).openapi('PointOfSaleDetail'), 'The point'),
    400: errorResponse('Malformed id'),
    404: errorResponse('POINT_NOT_FOUND'),
  },
});

const createRoute_ = createRoute({
  tags,
  security: securedBy,
  middleware: [requireRole('officer', 'admin')] as const,
  method: 'post',
  path: '/points-of-sale',
  summary: 'List a point of sale (officer of its province, admin)',
  request: json(PointInputSchema),
  responses: {
    201: answer(PointSchema, 'Listed'),
    ...writeErrors,
    422: errorResponse('UNKNOWN_PRODUCT / UNKNOWN_PRODUCER (details: the ids)'),
  },
});

const patchRoute = createRoute({
  tags,
  security: securedBy,
  middleware: [requireRole('officer', 'admin')] as const,
  method: 'patch',
  path: '/points-of-sale/{id}',
  summary: 'Change a point of sale (officer of its province, admin); lat and lng go together',
  request: { params: z.object({ id: PublicIdSchema }), ...json(PointPatchSchema) },
  responses: {
    200: answer(PointSchema, 'Changed'),
    ...writeErrors,
    404: errorResponse('POINT_NOT_FOUND'),
    409: errorResponse('POINT_CHANGED: someone saved it meanwhile; reload and retry'),
    422: errorResponse('UNKNOWN_PRODUCT / UNKNOWN_PRODUCER'),
  },
});

const deleteRoute = createRoute({
  tags,
  security: securedBy,
  middleware: [requireRole('officer', 'admin')] as const,
  method: 'delete',
  path: '/points-of-sale/{id}',
  summary: 'Remove a point of sale (officer of its province, admin); to keep it visible as closed, PATCH status',
  request: { params: z.object({ id: PublicIdSchema }) },
  responses: {
    204: { description: 'Removed' },
    ...writeErrors,
    404: errorResponse('POINT_NOT_FOUND'),
    409: errorResponse('POINT_CHANGED'),
  },
});

export const POINT_IMPORT_PATH = '/api/points-of-sale/imports';
/** The CSV travels JSON-escaped: room for the escaping of a 1 MB file. */
export const POINT_IMPORT_BODY_LIMIT = 2 * MAX_IMPORT_BYTES;

const CellErrorSchema = z.object({ field: z.string().openapi({ example: 'Vĩ độ' }), message: z.string().openapi({ example: 'Chỉ nhận số thập phân (ví dụ 21.0245)' }) });
const outcomes = ['created', 'updated', 'unchanged', 'would-create', 'would-update', 'error'] as const;
const ImportReportSchema = z
  .object({
    dryRun: z.boolean(),
    rows: z.array(
      z.object({
        line: z.number().int().openapi({ description: 'Line in the file; the header is line 1', example: 2 }),
        key: z.string().optional().openapi({ example: 'HN-001' }),
        pointId: z.string().optional(),
        name: z.string().optional(),
        outcome: z.enum(outcomes),
        code: z.string().optional().openapi({ example: 'INVALID_INPUT' }),
        errors: z.array(CellErrorSchema).optional(),
      }),
    ),
    counts: z.object(Object.fromEntries(outcomes.map((o) => [o, z.number().int()])) as Record<(typeof outcomes)[number], z.ZodNumber>),
  })
  .openapi('PointImportReport', {
    example: {
      dryRun: true,
      rows: [
        { line: 2, key: 'HN-001', pointId: 'diem-ban-01-3f9a1c0b2d4e5f60', name: 'Trung tâm OCOP Hoàn Kiếm', outcome: 'would-create' },
        { line: 3, key: 'HN-002', name: 'Góc OCOP', outcome: 'error', code: 'INVALID_INPUT', errors: [{ field: 'Vĩ độ', message: 'Chỉ nhận số thập phân (ví dụ 21.0245)' }] },
      ],
      counts: { created: 0, updated: 0, unchanged: 0, 'would-create': 1, 'would-update': 0, error: 1 },
    },
  });

const importRoute = createRoute({
  tags,
  security: securedBy,
  middleware: [
    requireRole('officer', 'admin'),
    bodyLimit({
      maxSize: POINT_IMPORT_BODY_LIMIT,
      onError: () => {
        throw new PayloadTooLarge(POINT_IMPORT_BODY_LIMIT);
      },
    }),
  ] as const,
  method: 'post',
  path: '/points-of-sale/imports',
  summary: `Import points of sale from CSV (officer: own province's rows; admin: any), at most ${MAX_IMPORT_ROWS} rows / 1 MB; dryRun=true reports and writes nothing`,
  description:
    'UTF-8 CSV with a header row of Vietnamese column names (docs/locator.md, "CSV"). Each row is checked like POST /points-of-sale and written in its own transaction; a row of another province is refused on its own. Re-running the same file reports "unchanged".',
  request: {
    query: z.object({ dryRun: z.enum(['true', 'false']).default('false').openapi({ description: 'true: check and report only' }) }),
    ...json(
      z
        .object({ csv: z.string().min(1).openapi({ description: 'The file’s text' }) })
        .strict()
        .openapi('PointImportInput', { example: { csv: 'Mã,Tên,Loại,Mã tỉnh,Xã, phường,Địa chỉ,Vĩ độ,Kinh độ,Giờ mở cửa OSM\r\nHN-001,Trung tâm OCOP Hoàn Kiếm,center,01,Phường Hoàn Kiếm,25 Tràng Tiền,21.0245,105.8553,Mo-Fr 07:30-17:00' } }),
    ),
  },
  responses: {
    200: answer(ImportReportSchema, 'One report line per CSV row (row errors are in the report, not a 4xx)'),
    400: errorResponse('INVALID_INPUT, CSV_UNREADABLE, CSV_COLUMNS (details: unknown, missing), CSV_TOO_LARGE'),
    401: errorResponse('Not signed in'),
    403: errorResponse('Not an officer or admin'),
    413: errorResponse('PAYLOAD_TOO_LARGE'),
  },
});

const exportRoute = createRoute({
  tags,
  security: securedBy,
  middleware: [requireRole('officer', 'admin')] as const,
  method: 'get',
  path: '/points-of-sale/export',
  summary: 'A province’s points as CSV (officer of the province, admin): the import’s columns, UTF-8 with BOM, formula-safe',
  request: { query: z.object({ province: z.enum(provinceCodes).optional().openapi({ description: 'Default: the officer’s province; required for an admin', example: '01' }) }) },
  responses: {
    200: { content: { 'text/csv': { schema: z.string().openapi({ example: '\uFEFFMã,Tên,Loại,Mã tỉnh,…\r\n' }) } }, description: 'RFC 4180 CSV, re-imports as unchanged' },
    400: errorResponse('INVALID_INPUT: unknown province, or an admin without province'),
    401: errorResponse('Not signed in'),
    403: errorResponse('NOT_PROVINCE_OFFICER: another province'),
  },
});

const DeclarationSchema = z
  .object({
    pointId: z.string(),
    pointName: z.string(),
    provinceCode: z.string(),
    producerId: z.string(),
    productIds: z.array(z.string()),
    status: z.enum(['pending', 'confirmed', 'rejected']),
    declaredAt: z.string(),
    decidedAt: z.string().optional(),
  })
  .openapi('PointDeclaration', { example: { pointId: 'trung-tam-ocop-hoan-kiem-a1b2c3', pointName: 'Trung tâm OCOP Hoàn Kiếm', provinceCode: '01', producerId: 'htx-mat-ong-ba-vi', productIds: [], status: 'pending', declaredAt: '2026-12-21T02:00:00.000Z' } });

const declareRoute = createRoute({
  tags,
  security: securedBy,
  middleware: [requireRole('producer')] as const,
  method: 'post',
  path: '/points-of-sale/{id}/declarations',
  summary: 'A producer declares its products are sold at this point (empty productIds: the whole storefront); the point’s officer confirms',
  request: { params: z.object({ id: PublicIdSchema }), ...json(DeclarationInputSchema) },
  responses: {
    201: answer(DeclarationSchema, 'Pending until the officer decides'),
    400: errorResponse('INVALID_INPUT'),
    401: errorResponse('Not signed in'),
    403: errorResponse('NOT_STOREFRONT_OWNER: not a producer with a storefront, or another producer’s product'),
    404: errorResponse('POINT_NOT_FOUND'),
    409: errorResponse('DECLARATION_CONFIRMED: already confirmed'),
    422: errorResponse('UNKNOWN_PRODUCT'),
  },
});

const pendingRoute = createRoute({
  tags,
  security: securedBy,
  middleware: [requireRole('officer', 'admin')] as const,
  method: 'get',
  path: '/points-of-sale/declarations',
  summary: 'Pending producer declarations of a province (officer: own province by default; admin names one)',
  request: { query: z.object({ province: z.enum(provinceCodes).optional().openapi({ example: '01' }) }) },
  responses: {
    200: answer(z.object({ items: z.array(DeclarationSchema) }).openapi('PointDeclarations'), 'Oldest first'),
    400: errorResponse('INVALID_INPUT'),
    401: errorResponse('Not signed in'),
    403: errorResponse('NOT_PROVINCE_OFFICER'),
  },
});

const decideRoute = createRoute({
  tags,
  security: securedBy,
  middleware: [requireRole('officer', 'admin')] as const,
  method: 'post',
  path: '/points-of-sale/{id}/declarations/{producerId}/decision',
  summary: 'Confirm (the products join what the point carries, same 3★ gate) or reject a declaration (officer of the point’s province, admin)',
  request: { params: z.object({ id: PublicIdSchema, producerId: PublicIdSchema }), ...json(DecisionInputSchema) },
  responses: {
    200: answer(DeclarationSchema, 'Decided'),
    400: errorResponse('INVALID_INPUT'),
    401: errorResponse('Not signed in'),
    403: errorResponse('NOT_PROVINCE_OFFICER'),
    404: errorResponse('POINT_NOT_FOUND / DECLARATION_NOT_FOUND'),
    409: errorResponse('DECLARATION_CHANGED (decided or edited meanwhile) / POINT_FULL (40 products, 5 storefronts)'),
  },
});

export function locatorRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.openapi(listRoute, async (c) => {
    const q = c.req.valid('query');
    const services = c.get('services');
    const now = services.clock.now();
    if ((q.lat === undefined) !== (q.lng === undefined)) {
      throw new InvalidInput('Gửi cả lat và lng', 'INVALID_INPUT', [{ path: q.lat === undefined ? 'lat' : 'lng', message: 'lat và lng đi cùng nhau' }]);
    }
    let found: NearbyPoint[];
    if (q.lat !== undefined && q.lng !== undefined) {
      found = await nearbyPoints(services, {
        lat: q.lat,
        lng: q.lng,
        radiusKm: q.radiusKm,
        type: q.type,
        openNow: q.openNow === 'true',
        productId: q.productId,
        producerId: q.producerId,
        limit: q.limit,
      });
    } else if (q.province) {
      found = (await provincePoints(services, q.province))
        .filter((n) => n.point.status !== 'closed' && (!q.type || n.point.type === q.type) && (q.openNow !== 'true' || n.openNow))
        .slice(0, q.limit);
    } else {
      throw new InvalidInput('Cho biết vị trí (lat, lng) hoặc tỉnh (province)', 'INVALID_INPUT', [{ path: 'lat', message: 'Required' }]);
    }
    return c.json({ items: found.map((n) => nearbyView(n, now)) }, 200);
  });
  // Before /points-of-sale/{id}: "export" would otherwise read as an id.
  app.openapi(exportRoute, async (c) => {
    const { csv, fileName } = await exportProvinceCsv(c.get('services'), requirePrincipal(c), c.req.valid('query').province);
    return c.body(csv, 200, csvDownloadHeaders(fileName));
  });
  app.openapi(pendingRoute, async (c) => {
    const principal = requirePrincipal(c);
    const province = managedProvince(principal, c.req.valid('query').province);
    return c.json({ items: await c.get('services').pointDeclarations.pending(province) }, 200);
  });
  app.openapi(declareRoute, async (c) => {
    const d = await declarePoint(c.get('services'), requirePrincipal(c), c.req.valid('param').id, c.req.valid('json').productIds);
    return c.json(d, 201);
  });
  app.openapi(decideRoute, async (c) => {
    const { id, producerId } = c.req.valid('param');
    return c.json(await decideDeclaration(c.get('services'), requirePrincipal(c), id, producerId, c.req.valid('json').decision), 200);
  });
  app.openapi(importRoute, async (c) => {
    const report = await importPointsCsv(c.get('services'), requirePrincipal(c), c.req.valid('json').csv, { dryRun: c.req.valid('query').dryRun === 'true' });
    return c.json(report, 200);
  });
  app.openapi(getRoute, async (c) => {
    const services = c.get('services');
    const point = await getPoint(services, c.req.valid('param').id);
    return c.json({ ...pointView(point, services.clock.now()), products: await carriedProducts(services, point) }, 200);
  });
  app.openapi(createRoute_, async (c) => {
    const services = c.get('services');
    const point = await createPoint(services, requirePrincipal(c), c.req.valid('json'));
    return c.json(pointView(point, services.clock.now()), 201);
  });
  app.openapi(patchRoute, async (c) => {
    const services = c.get('services');
    const point = await updatePoint(services, requirePrincipal(c), c.req.valid('param').id, c.req.valid('json'));
    return c.json(pointView(point, services.clock.now()), 200);
  });
  app.openapi(deleteRoute, async (c) => {
    await deletePoint(c.get('services'), requirePrincipal(c), c.req.valid('param').id);
    return c.body(null, 204);
  });
  return app;
}
