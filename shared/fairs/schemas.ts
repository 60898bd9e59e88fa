import { z } from '@hono/zod-openapi';
import { VariantIdSchema } from '../catalog/variants';
import { PublicIdSchema } from '../http/ids';
import { LivestreamIdSchema } from '../livestream/schemas';
import { MAX_STREAM_URL_LENGTH, platforms } from '../livestream/stream-url';
import { provinceCodes } from '../reference/provinces';
import { groupCodes } from '../reference/taxonomy';
import { contactKinds, applicationStatuses } from './fair';
import { fairStatuses } from './lifecycle';

export const MAX_HALLS = 12;
export const MAX_BOOTHS_PER_HALL = 200;
export const MAX_FEATURED = 12;
export const MAX_FAIR_DAYS = 31;

export const FairIdSchema = z
  .string()
  .regex(/^fair-[a-z0-9]{6,40}$/, 'Mã hội chợ không hợp lệ')
  .openapi({ example: 'fair-mk3x9a2b7c1d' });
export const ApplicationIdSchema = z
  .string()
  .regex(/^fa-[a-z0-9]{6,40}$/, 'Mã đơn đăng ký không hợp lệ')
  .openapi({ example: 'fa-mk3x9a2b7c1d' });
export const InquiryIdSchema = z
  .string()
  .regex(/^inq-[a-z0-9]{6,40}$/, 'Mã yêu cầu không hợp lệ')
  .openapi({ example: 'inq-mk3x9a2b7c1d' });
export const BoothNoSchema = z.coerce.number().int().min(1).max(MAX_HALLS * MAX_BOOTHS_PER_HALL).openapi({ example: 12 });

/** https only, no credentials; a banner is shown as an <img>, a contact as a link. */
export const HttpsUrlSchema = z
  .string()
  .trim()
  .max(500)
  .refine((s) => {
    try {
      const u = new URL(s);
      return u.protocol === 'https:' && !u.username && !u.password;
    } catch {
      return false;
    }
  }, 'Chỉ nhận đường dẫn https://')
  .openapi({ example: 'https://cho-ocop.vn/anh/hoi-cho-2026.jpg' });

const instant = z.iso.datetime({ offset: true, message: 'Thời điểm ISO-8601 có múi giờ, ví dụ 2026-12-05T08:00:00+07:00' });

export const HallInputSchema = z
  .object({
    name: z.string().trim().min(2).max(80),
    kind: z.enum(['group', 'province']),
    code: z.string().openapi({ description: 'A product group code (kind group) or a 2025 province code (kind province)', example: 'food' }),
    boothCount: z.number().int().min(1).max(MAX_BOOTHS_PER_HALL),
  })
  .strict()
  .refine((h) => (h.kind === 'group' ? (groupCodes as readonly string[]).includes(h.code) : (provinceCodes as readonly string[]).includes(h.code)), {
    message: 'Mã nhóm sản phẩm hoặc tỉnh không hợp lệ',
    path: ['code'],
  })
  .openapi('FairHallInput');

export const CreateFairSchema = z
  .object({
    name: z.string().trim().min(3, 'Tên hội chợ ít nhất 3 ký tự').max(140),
    theme: z.string().trim().min(2).max(140),
    description: z.string().trim().max(4000).optional(),
    bannerUrl: HttpsUrlSchema.optional(),
    provinceCodes: z
      .array(z.enum(provinceCodes))
      .max(34)
      .default([])
      .openapi({ description: "Organising provinces. An officer: exactly their own (the default). An admin: any, or none with national: true" }),
    national: z.boolean().default(false),
    startsAt: instant.openapi({ example: '2026-12-10T08:00:00+07:00', description: 'Any offset; stored UTC, shown in Vietnam time' }),
    endsAt: instant.openapi({ example: '2026-12-14T21:00:00+07:00' }),
    halls: z.array(HallInputSchema).min(1, 'Ít nhất một khu').max(MAX_HALLS),
  })
  .strict()
  .openapi('CreateFair', {
    example: {
      name: 'Hội chợ OCOP Hà Nội trực tuyến 2026',
      theme: 'Tinh hoa làng nghề',
      provinceCodes: ['01'],
      national: false,
      startsAt: '2026-12-10T08:00:00+07:00',
      endsAt: '2026-12-14T21:00:00+07:00',
      halls: [{ name: 'Khu thực phẩm', kind: 'group', code: 'food', boothCount: 20 }],
    },
  });
export type CreateFair = z.infer<typeof CreateFairSchema>;

export const TransitionSchema = z
  .object({ to: z.enum(['open', 'live', 'closed']) })
  .strict()
  .openapi('FairTransition', { example: { to: 'open' } });

export const HallSchema = z
  .object({ id: z.string(), name: z.string(), kind: z.enum(['group', 'province']), code: z.string(), firstBooth: z.number().int(), boothCount: z.number().int() })
  .openapi('FairHall');

export const ContactSchema = z.object({ kind: z.enum(contactKinds), url: HttpsUrlSchema }).strict().openapi('FairContact');

export const FairProductSchema = z
  .object({
    productId: z.string(),
    variantId: z.string().optional(),
    name: z.string(),
    unit: z.string(),
    fairPriceVnd: z.number().int().optional(),
    regularPriceVnd: z.number().int().optional(),
  })
  .openapi('FairProduct');

export const PublicBoothSchema = z
  .object({
    boothNo: z.number().int(),
    hallId: z.string(),
    producerId: z.string(),
    producerName: z.string(),
    provinceCode: z.string(),
    groups: z.array(z.string()),
    bannerUrl: z.string().optional(),
    intro: z.string().optional(),
    video: z.object({ platform: z.enum(platforms), url: z.string(), embedUrl: z.string().optional() }).optional(),
    products: z.array(FairProductSchema),
    contacts: z.array(ContactSchema),
    livestreamIds: z.array(z.string()),
  })
  .openapi('FairBooth', { description: 'Public: never the exhibitor\'s e-mail or phone (inquiries go through the platform)' });

const fairExample = {
  id: 'fair-mk3x9a2b7c1d',
  name: 'Hội chợ OCOP Hà Nội trực tuyến 2026',
  theme: 'Tinh hoa làng nghề',
  provinceCodes: ['01'],
  national: false,
  status: 'live',
  startsAt: '2026-12-10T01:00:00.000Z',
  endsAt: '2026-12-14T14:00:00.000Z',
  allowedTransitions: ['closed'],
  halls: [{ id: 'h1', name: 'Khu thực phẩm', kind: 'group', code: 'food', firstBooth: 1, boothCount: 20 }],
};

const fairFields = {
    id: z.string(),
    name: z.string(),
    theme: z.string(),
    description: z.string().optional(),
    bannerUrl: z.string().optional(),
    provinceCodes: z.array(z.string()),
    national: z.boolean(),
    status: z.enum(fairStatuses),
    startsAt: z.iso.datetime(),
    endsAt: z.iso.datetime(),
    allowedTransitions: z.array(z.enum(fairStatuses)),
    halls: z.array(HallSchema),
  };

export const FairSchema = z
  .object(fairFields)
  .openapi('Fair', { example: fairExample as never });

const HallWithBoothsSchema = z
  .object({ id: z.string(), name: z.string(), kind: z.enum(['group', 'province']), code: z.string(), firstBooth: z.number().int(), boothCount: z.number().int(), booths: z.array(PublicBoothSchema) })
  .openapi('FairHallWithBooths');

// A whole object, not FairSchema.extend: the generator's allOf would check the example's halls against Fair's.
export const FairDetailSchema = z.object({ ...fairFields, halls: z.array(HallWithBoothsSchema) }).openapi('FairDetail', {
  example: {
    ...fairExample,
    halls: [{ ...fairExample.halls[0], booths: [{ boothNo: 3, hallId: 'h1', producerId: 'htx-phu-quoc', producerName: 'HTX Nước mắm Phú Quốc', provinceCode: '91', groups: ['food'], products: [], contacts: [], livestreamIds: [] }] }],
  } as never,
});
export const FairListSchema = z.object({ items: z.array(FairSchema) }).openapi('FairList');

export const ApplySchema = z
  .object({
    preferredHallId: z.string().regex(/^h\d{1,2}$/).optional(),
    message: z.string().trim().max(1000).optional(),
  })
  .strict()
  .openapi('BoothApplicationInput', { example: { preferredHallId: 'h1', message: 'Xin gian gần lối vào' } });

export const AcceptSchema = z.object({ boothNo: z.number().int().min(1).max(MAX_HALLS * MAX_BOOTHS_PER_HALL) }).strict().openapi('AcceptBoothApplication', { example: { boothNo: 3 } });
export const RejectSchema = z.object({ reason: z.string().trim().min(3, 'Nhập lý do').max(500) }).strict().openapi('RejectBoothApplication', { example: { reason: 'Sản phẩm chưa đạt 3 sao OCOP' } });

export const ApplicationSchema = z
  .object({
    id: z.string(),
    fairId: z.string(),
    producerId: z.string(),
    producerName: z.string(),
    provinceCode: z.string(),
    preferredHallId: z.string().optional(),
    message: z.string().optional(),
    status: z.enum(applicationStatuses),
    boothNo: z.number().int().optional(),
    reason: z.string().optional(),
    createdAt: z.string(),
    decidedAt: z.string().optional(),
  })
  .openapi('BoothApplication', {
    example: { id: 'fa-mk3x9a2b7c1d', fairId: 'fair-mk3x9a2b7c1d', producerId: 'htx-phu-quoc', producerName: 'HTX Nước mắm Phú Quốc', provinceCode: '91', status: 'accepted', boothNo: 3, createdAt: '2026-12-01T02:00:00.000Z' },
  });
export const ApplicationListSchema = z.object({ items: z.array(ApplicationSchema) }).openapi('BoothApplicationList');

export const FeaturedInputSchema = z
  .object({
    productId: PublicIdSchema,
    variantId: VariantIdSchema.optional(),
    fairPriceVnd: z.number().int().min(1).max(1_000_000_000).optional().openapi({ description: 'Below the lowest price of the last 30 days (as live prices); valid only during the fair' }),
  })
  .strict()
  .openapi('FairFeaturedInput');

export const DecorateSchema = z
  .object({
    bannerUrl: HttpsUrlSchema.optional(),
    intro: z.string().trim().max(2000).optional(),
    video: z.object({ platform: z.enum(platforms), url: z.string().max(MAX_STREAM_URL_LENGTH) }).strict().optional(),
    products: z.array(FeaturedInputSchema).max(MAX_FEATURED, `Tối đa ${MAX_FEATURED} sản phẩm`).default([]),
    contacts: z.array(ContactSchema).max(6).default([]),
    livestreamIds: z.array(LivestreamIdSchema).max(10).default([]),
  })
  .strict()
  .openapi('DecorateBooth', {
    example: {
      intro: 'Nước mắm truyền thống 40 độ đạm',
      video: { platform: 'youtube', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' },
      products: [{ productId: 'nuoc-mam-phu-quoc-40-dam-7f3a', fairPriceVnd: 99_000 }],
      contacts: [{ kind: 'zalo', url: 'https://zalo.me/0912345678' }],
    },
  });
export type Decorate = z.infer<typeof DecorateSchema>;

export const inquiryStatuses = ['new', 'replied', 'closed'] as const;
export const InquiryInputSchema = z
  .object({
    company: z.string().trim().min(2, 'Nhập tên doanh nghiệp').max(160),
    country: z.string().trim().min(2, 'Nhập quốc gia').max(80),
    contactName: z.string().trim().min(2, 'Nhập người liên hệ').max(100),
    contactEmail: z.email('Email không hợp lệ').max(200),
    product: z.string().trim().min(2, 'Nhập sản phẩm quan tâm').max(200),
    quantity: z.string().trim().min(1, 'Nhập số lượng').max(100),
    message: z.string().trim().min(10, 'Lời nhắn ít nhất 10 ký tự').max(3000),
    /** Honeypot: hidden from people; a bot that fills it gets a success and nothing is stored. */
    website: z.string().max(500).optional().openapi({ description: 'Leave empty (anti-bot field)' }),
  })
  .strict()
  .openapi('TradeInquiryInput', {
    example: { company: 'Sakura Foods Co.', country: 'Nhật Bản', contactName: 'Tanaka', contactEmail: 'buyer@sakura.example', product: 'Nước mắm 40 độ đạm', quantity: '2 container/năm', message: 'Chúng tôi muốn nhập khẩu thường xuyên.' },
  });
export type InquiryInput = z.infer<typeof InquiryInputSchema>;

export const InquiryReceiptSchema = z.object({ id: z.string(), status: z.enum(inquiryStatuses) }).openapi('TradeInquiryReceipt', { example: { id: 'inq-mk3x9a2b7c1d', status: 'new' } });

export const InquirySchema = z
  .object({
    id: z.string(),
    fairId: z.string(),
    boothNo: z.number().int(),
    producerId: z.string(),
    company: z.string(),
    country: z.string(),
    contactName: z.string(),
    contactEmail: z.string(),
    product: z.string(),
    quantity: z.string(),
    status: z.enum(inquiryStatuses),
    messages: z.array(z.object({ from: z.enum(['buyer', 'exhibitor']), text: z.string(), at: z.string() })),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('TradeInquiry', {
    example: {
      id: 'inq-mk3x9a2b7c1d',
      fairId: 'fair-mk3x9a2b7c1d',
      boothNo: 3,
      producerId: 'htx-phu-quoc',
      company: 'Sakura Foods Co.',
      country: 'Nhật Bản',
      contactName: 'Tanaka',
      contactEmail: 'buyer@sakura.example',
      product: 'Nước mắm 40 độ đạm',
      quantity: '2 container/năm',
      status: 'replied',
      messages: [{ from: 'buyer', text: 'Chúng tôi muốn nhập khẩu thường xuyên.', at: '2026-12-11T02:00:00.000Z' }],
      createdAt: '2026-12-11T02:00:00.000Z',
      updatedAt: '2026-12-11T03:00:00.000Z',
    },
  });
export const InquiryListSchema = z.object({ items: z.array(InquirySchema) }).openapi('TradeInquiryList');
export const ReplySchema = z.object({ text: z.string().trim().min(2).max(3000) }).strict().openapi('TradeInquiryReply', { example: { text: 'Cảm ơn quý công ty, chúng tôi gửi báo giá kèm theo.' } });
export const InquiryStatusSchema = z.object({ status: z.enum(['closed', 'new', 'replied']) }).strict().openapi('TradeInquiryStatus', { example: { status: 'closed' } });
