import { z } from '@hono/zod-openapi';
import { provinceCodes } from '../reference/provinces';
import { groupCodes, subgroupCodes } from '../reference/taxonomy';
import { communeItems, documentKinds } from './dossier';
import { roundStates } from './round';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày dạng YYYY-MM-DD');
const text = (max: number) => z.string().trim().min(1).max(max);
const choices = z.record(z.string().max(64), z.string().max(64)).openapi({ description: 'criterion id → option id', example: { 'A1.nguyen-lieu': '2' } });

export const NewRoundSchema = z
  .object({
    name: text(200).openapi({ example: 'Đánh giá, phân hạng sản phẩm OCOP đợt 1 năm 2026' }),
    periodFrom: isoDate,
    periodTo: isoDate,
    productGroups: z.array(z.enum(groupCodes)).min(1).max(6),
    deadline: isoDate,
    provinceCode: z.enum(provinceCodes).optional().openapi({ description: "Admins only; an officer's round is in their province" }),
  })
  .strict()
  .refine((r) => r.periodFrom <= r.periodTo, { message: 'Kỳ đánh giá: ngày bắt đầu sau ngày kết thúc', path: ['periodTo'] })
  .openapi('NewEvaluationRound');
export type NewRound = z.infer<typeof NewRoundSchema>;

export const TransitionSchema = z.object({ to: z.enum(roundStates) }).strict().openapi('RoundTransition');
export const AddMemberSchema = z.object({ email: z.email().max(200) }).strict().openapi('AddCouncilMember');

export const NewProductDraftSchema = z
  .object({ name: text(200), group: z.enum(groupCodes), subgroup: z.enum(subgroupCodes), priceVnd: z.number().int().min(0).max(1_000_000_000), unit: text(60) })
  .strict()
  .openapi('DossierProductDraft');

export const NewDossierSchema = z
  .object({
    productId: z.string().min(1).max(80).optional(),
    newProduct: NewProductDraftSchema.optional(),
    selfAssessment: choices,
  })
  .strict()
  .refine((d) => (d.productId === undefined) !== (d.newProduct === undefined), { message: 'Chọn một sản phẩm có sẵn hoặc tạo sản phẩm mới', path: ['productId'] })
  .openapi('NewDossier');
export type NewDossier = z.infer<typeof NewDossierSchema>;

export const SendBackSchema = z.object({ comment: text(2000) }).strict().openapi('DossierSendBack');
export const CorrectionSchema = z.object({ note: text(2000), selfAssessment: choices.optional() }).strict().openapi('DossierCorrection');

const item = z.object({ met: z.boolean(), note: z.string().trim().max(1000).optional() }).strict();
export const PreAssessmentInputSchema = z
  .object({ commune: text(200), items: z.object(Object.fromEntries(communeItems.map((k) => [k, item])) as Record<(typeof communeItems)[number], typeof item>).strict() })
  .strict()
  .openapi('CommunePreAssessmentInput');
export type PreAssessmentInput = z.infer<typeof PreAssessmentInputSchema>;

export const ScoreInputSchema = z.object({ choices }).strict().openapi('CouncilScoreInput');

export const DecisionInputSchema = z
  .object({
    level: z.enum(['province', 'central']).openapi({ description: 'province: 3★–4★ by the province (officer); central: the national 5★ decision (admin)' }),
    decisionNo: text(80).openapi({ example: '512/QĐ-UBND' }),
    decisionDate: isoDate,
    signer: text(200).openapi({ example: 'Phó Chủ tịch UBND tỉnh Nguyễn Văn A' }),
    issuingAuthority: text(200).openapi({ example: 'UBND tỉnh Vĩnh Long' }),
    items: z.array(z.object({ dossierId: z.string().min(1).max(80), certificateNo: text(80).optional() }).strict()).min(1).max(50),
  })
  .strict()
  .openapi('EvaluationDecisionInput');
export type DecisionInput = z.infer<typeof DecisionInputSchema>;

export const DocumentKindSchema = z.enum(documentKinds);
