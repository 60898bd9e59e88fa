import { z } from '@hono/zod-openapi';
import { ReviewPhotosSchema } from '../media/review-photo-input';
import { LINE_ID_PATTERN } from './rules';

export const MAX_REVIEW_TEXT = 2000;
export const MAX_REASON = 300;

/** Plain text: markup is not refused (a buyer may write "<3"), it is escaped wherever it is shown. */
const ReviewText = z
  .string()
  .trim()
  .max(MAX_REVIEW_TEXT, `Tối đa ${MAX_REVIEW_TEXT} ký tự`)
  .refine((t) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(t), 'Nội dung có ký tự điều khiển');

export const StarsSchema = z.number().int('Số sao là số nguyên').min(1, 'Từ 1 đến 5 sao').max(5, 'Từ 1 đến 5 sao');

export const LineIdSchema = z
  .string()
  .regex(LINE_ID_PATTERN, 'Mã dòng hàng không hợp lệ')
  .openapi({ example: 'dh0kx4m2k9p7a4f8cq-1.0', description: '`<subOrderId>.<index of the item in the sub-order>`' });
export const ReviewIdSchema = LineIdSchema.openapi({ description: 'A review is named by its order line' });

export const ReviewInputSchema = z
  .object({ stars: StarsSchema, text: ReviewText.default(''), photos: ReviewPhotosSchema.default([]).openapi({ description: 'Up to 5 images from POST /api/reviews/photos, in your own folder' }) })
  .strict()
  .openapi('ReviewInput');
type ParsedReviewInput = z.infer<typeof ReviewInputSchema>;
/** Photos may be left out by callers inside the app (no photos). */
export type ReviewInput = Omit<ParsedReviewInput, 'photos'> & { photos?: ParsedReviewInput['photos'] };

export const ReviewEditSchema = z
  .object({ stars: StarsSchema.optional(), text: ReviewText.optional(), photos: ReviewPhotosSchema.optional().openapi({ description: 'The whole new list (≤ 5); photos already on the review may stay' }) })
  .strict()
  .refine((b) => b.stars !== undefined || b.text !== undefined || b.photos !== undefined, { message: 'Gửi stars, text hoặc photos', path: ['stars'] })
  .openapi('ReviewEdit');
export type ReviewEdit = z.infer<typeof ReviewEditSchema>;

export const ReplyInputSchema = z
  .object({ text: ReviewText.pipe(z.string().min(2, 'Nhập câu trả lời')) })
  .strict()
  .openapi('ReviewReplyInput');

export const ReportInputSchema = z
  .object({ reason: z.string().trim().min(3, 'Nêu lý do (ít nhất 3 ký tự)').max(MAX_REASON) })
  .strict()
  .openapi('ReviewReportInput');

export const ModerationInputSchema = z
  .object({ action: z.enum(['hide', 'restore']), reason: z.string().trim().min(3, 'Nêu lý do (ít nhất 3 ký tự)').max(MAX_REASON) })
  .strict()
  .openapi('ReviewModerationInput');
export type ModerationInput = z.infer<typeof ModerationInputSchema>;

export const reviewStatuses = ['visible', 'hidden'] as const;
export type ReviewStatus = (typeof reviewStatuses)[number];

export const ReplySchema = z.object({ text: z.string(), at: z.iso.datetime(), producerName: z.string() }).openapi('ReviewReply');

/** The public view of a review (no buyer id, no reports). */
export const ReviewSchema = z
  .object({
    id: z.string(),
    productId: z.string(),
    producerId: z.string(),
    authorName: z.string().openapi({ description: 'Shortened display name of the buyer' }),
    stars: z.number().int().min(1).max(5),
    text: z.string().openapi({ description: 'Plain text; clients must escape it' }),
    variantLabel: z.string().optional().openapi({ description: 'The variant bought, from the order line' }),
    photos: z
      .array(z.object({ url: z.string(), alt: z.string(), key: z.string(), width: z.number().int(), height: z.number().int(), widths: z.array(z.number().int()) }))
      .openapi({ description: 'url: the largest WebP variant; `${mediaBase}/${key}-${w}.webp` for each of widths' }),
    verifiedPurchase: z.literal(true),
    edited: z.boolean(),
    createdAt: z.iso.datetime(),
    editedAt: z.iso.datetime().optional(),
    reply: ReplySchema.optional(),
    status: z.enum(reviewStatuses).openapi({ description: 'Public lists only ever hold visible reviews' }),
  })
  .openapi('Review');
export type ReviewView = z.infer<typeof ReviewSchema>;

export const RatingSummarySchema = z
  .object({
    count: z.number().int(),
    mean: z.number().nullable().openapi({ description: 'One decimal; null without visible reviews' }),
    distribution: z.object({ 1: z.number().int(), 2: z.number().int(), 3: z.number().int(), 4: z.number().int(), 5: z.number().int() }),
  })
  .openapi('RatingSummary', { description: "Buyers' ratings (not OCOP stars): visible reviews only" });

export const ReviewPageSchema = z
  .object({ summary: RatingSummarySchema, items: z.array(ReviewSchema), nextCursor: z.string().optional() })
  .openapi('ReviewPage');
