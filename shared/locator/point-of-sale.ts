import { z } from '@hono/zod-openapi';
import { PublicIdSchema } from '../http/ids';
import { provinceCodes } from '../reference/provinces';
import { WEEKDAYS, minutesOf } from './opening-hours';
import { fromOsm } from './osm-opening-hours';
import { insideVietnam } from './vietnam-bounds';

/** The kinds of OCOP point of sale provinces run (issue 12). */
export const pointTypes = ['showroom', 'center', 'supermarket_corner', 'rest_stop', 'airport', 'tourist_site'] as const;
export type PointType = (typeof pointTypes)[number];

export const pointTypeLabels: Record<PointType, string> = {
  showroom: 'Cửa hàng, showroom OCOP',
  center: 'Trung tâm giới thiệu sản phẩm OCOP',
  supermarket_corner: 'Góc OCOP trong siêu thị',
  rest_stop: 'Ki-ốt ở trạm dừng nghỉ',
  airport: 'Ki-ốt ở sân bay',
  tourist_site: 'Điểm bán ở khu du lịch',
};

export const pointStatuses = ['open', 'temporarily_closed', 'closed'] as const;
export type PointStatus = (typeof pointStatuses)[number];
export const pointStatusLabels: Record<PointStatus, string> = {
  open: 'Đang hoạt động',
  temporarily_closed: 'Tạm nghỉ',
  closed: 'Đã đóng cửa',
};

const HHMM = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const IntervalSchema = z
  .object({
    open: z.string().regex(HHMM, 'Giờ mở cửa dạng HH:MM').openapi({ example: '07:30' }),
    close: z.string().regex(HHMM, 'Giờ đóng cửa dạng HH:MM').openapi({ example: '11:30' }),
  })
  .strict()
  .refine((i) => i.open !== '24:00' && i.open !== i.close, { message: 'Giờ mở và giờ đóng phải khác nhau' });

const DaySchema = z
  .array(IntervalSchema)
  .max(4, 'Tối đa 4 khoảng giờ một ngày')
  .refine(
    (intervals) => {
      // Same-day intervals must not overlap (a lunch break is the gap between two).
      const spans = intervals.map((i) => [minutesOf(i.open), minutesOf(i.close) <= minutesOf(i.open) ? minutesOf(i.close) + 1440 : minutesOf(i.close)] as const).sort((a, b) => a[0] - b[0]);
      return spans.every((s, k) => k === 0 || s[0] >= spans[k - 1]![1]);
    },
    { message: 'Các khoảng giờ trong ngày bị chồng lên nhau' },
  );

export const OpeningHoursSchema = z
  .object({
    weekly: z.object(Object.fromEntries(WEEKDAYS.map((d) => [d, DaySchema.default([])])) as Record<(typeof WEEKDAYS)[number], z.ZodDefault<typeof DaySchema>>).strict(),
    closures: z
      .array(z.object({ date: z.iso.date('Ngày dạng YYYY-MM-DD'), reason: z.string().trim().max(120).optional() }).strict())
      .max(60)
      .default([]),
  })
  .strict()
  .openapi('OpeningHours', {
    example: {
      weekly: { mon: [{ open: '07:30', close: '11:30' }, { open: '13:30', close: '17:00' }], tue: [], wed: [], thu: [], fri: [], sat: [{ open: '08:00', close: '12:00' }], sun: [] },
      closures: [{ date: '2027-02-06', reason: 'Nghỉ Tết' }],
    },
  });

/** An OSM `opening_hours` string instead of the weekly form: read by the maintained parser, no closures. */
export const OsmOpeningHoursSchema = z
  .string()
  .trim()
  .min(1)
  .max(300)
  .transform((value, ctx) => {
    const read = fromOsm(value);
    if (!read.ok) {
      ctx.addIssue({ code: 'custom', message: read.message });
      return z.NEVER;
    }
    return { weekly: read.weekly, closures: [] as { date: string; reason?: string | undefined }[] };
  })
  .openapi({ description: 'OpenStreetMap opening_hours string (week-stable rules only)', example: 'Mo-Fr 07:30-11:30,13:30-17:00; Sa 08:00-12:00' });

/** The weekly form, or an OSM string (converted on input; stored and answered as the weekly form). */
const OpeningHoursInput = z.union([OpeningHoursSchema, OsmOpeningHoursSchema]);

/** Landlines are fine here (showrooms have them): 0 + 9–10 digits, or +84 + 9–10 digits; stored as typed, compacted. */
const PointPhoneSchema = z
  .string()
  .max(30)
  .transform((v) => v.replace(/[\s.\-()]/g, ''))
  .refine((v) => /^(?:\+84|0)\d{9,10}$/.test(v), 'Số điện thoại không hợp lệ (ví dụ 024 3826 1234)')
  .openapi({ example: '02438261234' });

const Lat = z.number().min(-90).max(90).openapi({ example: 21.0336 });
const Lng = z.number().min(-180).max(180).openapi({ example: 105.8497 });

const fields = {
  name: z.string().trim().min(3, 'Tên ít nhất 3 ký tự').max(120),
  type: z.enum(pointTypes),
  provinceCode: z.enum(provinceCodes).openapi({ description: 'Province of 2025 (GET /api/provinces)', example: '01' }),
  commune: z.string().trim().min(2, 'Nhập xã, phường').max(80).openapi({ example: 'Phường Hoàn Kiếm' }),
  street: z.string().trim().min(2, 'Nhập số nhà, đường').max(160).openapi({ example: '25 Tràng Tiền' }),
  lat: Lat,
  lng: Lng,
  openingHours: OpeningHoursInput,
  phone: PointPhoneSchema.optional(),
  status: z.enum(pointStatuses).default('open'),
  // Caps keep every save one transaction (≤ 100 items): main + 2×4 cells + 2×(40 + 5) links (docs/locator.md).
  productIds: z.array(PublicIdSchema).max(40, 'Tối đa 40 sản phẩm; điểm bán cả gian hàng thì chọn cơ sở').default([]),
  producerIds: z.array(PublicIdSchema).max(5, 'Tối đa 5 cơ sở bán cả gian hàng').default([]),
};

const insideVietnamCheck = (p: { lat?: number | undefined; lng?: number | undefined }) => p.lat === undefined || p.lng === undefined || insideVietnam(p.lat, p.lng);
const outsideMessage = { message: 'Toạ độ nằm ngoài đất liền và biển đảo Việt Nam (kiểm tra vĩ độ/kinh độ có bị đảo không)', path: ['lat'] };

export const PointInputSchema = z.object(fields).strict().refine(insideVietnamCheck, outsideMessage).openapi('PointOfSaleInput');
export type PointInput = z.output<typeof PointInputSchema>;

/** A PATCH changes what it names; lat and lng go together. */
export const PointPatchSchema = z
  .object({
    name: fields.name,
    type: fields.type,
    commune: fields.commune,
    street: fields.street,
    lat: Lat,
    lng: Lng,
    openingHours: OpeningHoursInput,
    phone: PointPhoneSchema.nullable(),
    status: z.enum(pointStatuses),
    productIds: fields.productIds.unwrap(),
    producerIds: fields.producerIds.unwrap(),
  })
  .partial()
  .strict()
  .refine((p) => (p.lat === undefined) === (p.lng === undefined), { message: 'Gửi cả lat và lng', path: ['lng'] })
  .refine(insideVietnamCheck, outsideMessage)
  .refine((p) => Object.keys(p).length > 0, { message: 'Không có gì để sửa' })
  .openapi('PointOfSalePatch');
export type PointPatch = z.output<typeof PointPatchSchema>;

export interface PointOfSale extends Omit<PointInput, 'phone'> {
  id: string;
  /** The spreadsheet's own code of the point ("Mã"), when it came from a CSV import: re-imports find it by this. */
  importKey?: string | undefined;
  phone?: string | undefined;
  createdAt: string;
  updatedAt: string;
  version: number;
}
