import { z } from '@hono/zod-openapi';
import { VariantIdSchema } from '../catalog/variants';
import { ImageSchema } from '../media/image-record';
import { PublicIdSchema } from '../http/ids';
import { provinceCodes } from '../reference/provinces';
import { groupCodes } from '../reference/taxonomy';
import { allowedActions, liveActions } from './lifecycle';
import { MAX_STREAM_URL_LENGTH, platforms } from './stream-url';
import { storedStatuses } from './window';

/** One live's featured products: the lifecycle moves every offer with the live in one transaction (≤ 100 items). */
export const MAX_LIVE_PRODUCTS = 99;
export const MAX_LIVE_QUOTA = 100_000;
export const MAX_LIVE_HOURS = 12;
export const MAX_DAYS_AHEAD = 90;

export const LivestreamIdSchema = z
  .string()
  .regex(/^live-[a-z0-9]{6,40}$/, 'Mã buổi live không hợp lệ')
  .openapi({ example: 'live-0kx4m2k9p7a4f8' });

const instant = z.iso.datetime({ offset: true, message: 'Thời điểm ISO-8601 có múi giờ, ví dụ 2026-12-05T19:00:00+07:00' });

export const LiveProductInputSchema = z
  .object({
    productId: PublicIdSchema,
    variantId: VariantIdSchema.optional().openapi({ description: 'Required when the product is sold in sizes' }),
    livePriceVnd: z.number().int('Giá là số nguyên đồng').min(1).max(1_000_000_000).openapi({ example: 99_000, description: 'Below the lowest price of the last 30 days' }),
    quota: z.number().int().min(1).max(MAX_LIVE_QUOTA).optional().openapi({ example: 60, description: 'Units sold at the live price; none = while stock lasts' }),
  })
  .strict()
  .openapi('LiveProductInput');

export const CreateLivestreamSchema = z
  .object({
    title: z.string().trim().min(3, 'Tiêu đề ít nhất 3 ký tự').max(120),
    description: z.string().trim().max(2000).optional(),
    platform: z.enum(platforms),
    streamUrl: z.string().max(MAX_STREAM_URL_LENGTH).openapi({ example: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' }),
    startsAt: instant.openapi({ example: '2026-12-05T19:00:00+07:00', description: 'Any offset; stored UTC, shown in Vietnam time' }),
    endsAt: instant.openapi({ example: '2026-12-05T21:00:00+07:00' }),
    products: z.array(LiveProductInputSchema).min(1, 'Chọn ít nhất một sản phẩm').max(MAX_LIVE_PRODUCTS, `Tối đa ${MAX_LIVE_PRODUCTS} sản phẩm`),
    producerId: PublicIdSchema.optional().openapi({ description: "Admins only: the storefront the live belongs to (a producer's own by default)" }),
  })
  .strict()
  .openapi('CreateLivestream', {
    example: {
      title: 'Nước mắm Phú Quốc giá live',
      platform: 'youtube',
      streamUrl: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
      startsAt: '2026-12-05T19:00:00+07:00',
      endsAt: '2026-12-05T21:00:00+07:00',
      products: [{ productId: 'nuoc-mam-phu-quoc-40-dam-7f3a', livePriceVnd: 99_000, quota: 60 }],
    },
  });
export type CreateLivestream = z.infer<typeof CreateLivestreamSchema>;

const LiveProductEditSchema = z
  .object({
    productId: PublicIdSchema,
    variantId: VariantIdSchema.optional(),
    livePriceVnd: z.number().int('Giá là số nguyên đồng').min(1).max(1_000_000_000).optional(),
    quota: z.number().int().min(1).max(MAX_LIVE_QUOTA).nullable().optional().openapi({ description: 'null removes the quota (while stock lasts)' }),
  })
  .strict()
  .openapi('LiveProductEdit');

/** What a producer may change before the live starts: the featured products stay, their live price and quota may move. */
export const EditLivestreamSchema = z
  .object({
    title: z.string().trim().min(3, 'Tiêu đề ít nhất 3 ký tự').max(120).optional(),
    description: z.string().trim().max(2000).optional().openapi({ description: 'An empty string clears it' }),
    platform: z.enum(platforms).optional().openapi({ description: 'With a new streamUrl of that platform' }),
    streamUrl: z.string().max(MAX_STREAM_URL_LENGTH).optional(),
    startsAt: instant.optional(),
    endsAt: instant.optional(),
    products: z.array(LiveProductEditSchema).min(1).max(MAX_LIVE_PRODUCTS).optional().openapi({ description: 'Only products already featured' }),
  })
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: 'Không có gì để sửa' })
  .refine((b) => !b.platform || b.streamUrl !== undefined, { message: 'Đổi nền tảng thì nhập cả đường dẫn live của nền tảng đó', path: ['streamUrl'] })
  .openapi('EditLivestream', { example: { title: 'Nước mắm Phú Quốc giá live — tối thứ Bảy', startsAt: '2026-12-06T19:00:00+07:00', endsAt: '2026-12-06T21:00:00+07:00', products: [{ productId: 'nuoc-mam-phu-quoc-40-dam-7f3a', livePriceVnd: 95_000, quota: 80 }] } });
export type EditLivestream = z.infer<typeof EditLivestreamSchema>;

export const ReplaySchema = z
  .object({ replayUrl: z.string().max(MAX_STREAM_URL_LENGTH).openapi({ example: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', description: "The same platform's own hosts as the stream" }) })
  .strict()
  .openapi('LiveReplay');

export const CancelLivestreamSchema = z
  .object({ reason: z.string().trim().min(3, 'Nhập lý do huỷ').max(300) })
  .strict()
  .openapi('CancelLivestream', { example: { reason: 'Mất điện ở xưởng' } });

export const LiveProductSchema = z
  .object({
    productId: z.string(),
    variantId: z.string().optional(),
    name: z.string(),
    unit: z.string(),
    image: ImageSchema.optional(),
    livePriceVnd: z.number().int(),
    regularPriceVnd: z.number().int().openapi({ description: 'The price now, outside the live' }),
    quota: z.number().int().nullable().openapi({ description: 'null: no quota (while stock lasts)' }),
    quotaLeft: z.number().int().nullable(),
    stock: z.number().int(),
  })
  .openapi('LiveProduct');

export const LivestreamSchema = z
  .object({
    id: z.string(),
    producerId: z.string(),
    producerName: z.string(),
    provinceCode: z.enum(provinceCodes),
    groups: z.array(z.enum(groupCodes)),
    title: z.string(),
    description: z.string().optional(),
    platform: z.enum(platforms),
    streamUrl: z.string(),
    embedUrl: z.string().optional().openapi({ description: 'Player URL (YouTube, Facebook videos); otherwise link out to streamUrl' }),
    startsAt: z.iso.datetime(),
    endsAt: z.iso.datetime(),
    startedAt: z.iso.datetime().optional(),
    endedAt: z.iso.datetime().optional(),
    status: z.enum(storedStatuses).openapi({ description: 'Effective now: the clock opens and closes the window without anyone pressing start/end' }),
    allowedActions: z.array(z.enum(liveActions)),
    cancelReason: z.string().optional(),
    replayUrl: z.string().optional().openapi({ description: 'Attached after the end' }),
    replayEmbedUrl: z.string().optional(),
    editedAt: z.iso.datetime().optional().openapi({ description: 'Last edit before the start' }),
    productCount: z.number().int(),
  })
  .openapi('Livestream', {
    example: {
      id: 'live-0kx4m2k9p7a4f8',
      producerId: 'htx-phu-quoc',
      producerName: 'HTX Nước mắm Phú Quốc',
      provinceCode: '91',
      groups: ['food'],
      title: 'Nước mắm Phú Quốc giá live',
      platform: 'youtube',
      streamUrl: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
      embedUrl: 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ',
      startsAt: '2026-12-05T12:00:00.000Z',
      endsAt: '2026-12-05T14:00:00.000Z',
      status: 'scheduled',
      allowedActions: allowedActions('scheduled'),
      productCount: 1,
    } as never,
  });

const liveExample = {
  id: 'live-0kx4m2k9p7a4f8',
  producerId: 'htx-phu-quoc',
  producerName: 'HTX Nước mắm Phú Quốc',
  provinceCode: '91',
  groups: ['food'],
  title: 'Nước mắm Phú Quốc giá live',
  platform: 'youtube',
  streamUrl: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
  embedUrl: 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ',
  startsAt: '2026-12-05T12:00:00.000Z',
  endsAt: '2026-12-05T14:00:00.000Z',
  startedAt: '2026-12-05T11:55:00.000Z',
  status: 'live',
  allowedActions: ['end'],
  productCount: 1,
};

export const LivestreamDetailSchema = LivestreamSchema.extend({ products: z.array(LiveProductSchema) }).openapi('LivestreamDetail', {
  example: {
    ...liveExample,
    products: [
      { productId: 'nuoc-mam-phu-quoc-40-dam-7f3a', name: 'Nước mắm Phú Quốc 40 độ đạm', unit: 'chai 500 ml', livePriceVnd: 99_000, regularPriceVnd: 135_000, quota: 60, quotaLeft: 12, stock: 240 },
    ],
  } as never,
});

export const LivestreamListSchema = z.object({ items: z.array(LivestreamSchema) }).openapi('LivestreamList');

export const LiveFiguresSchema = z
  .object({
    livestreamId: z.string(),
    orders: z.number().int().openapi({ description: 'Order lines at the live price (a cancelled order gives its line back)' }),
    units: z.number().int(),
    revenueVnd: z.number().int().openapi({ description: 'At the live price, during the window' }),
    products: z.array(z.object({ productId: z.string(), variantId: z.string().optional(), name: z.string(), orders: z.number().int(), units: z.number().int(), revenueVnd: z.number().int() })),
  })
  .openapi('LiveFigures', { example: { livestreamId: 'live-0kx4m2k9p7a4f8', orders: 60, units: 60, revenueVnd: 5_940_000, products: [] } });
