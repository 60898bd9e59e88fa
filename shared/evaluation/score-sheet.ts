import { z } from '@hono/zod-openapi';
import { groupCodes, subgroupCodes } from '../reference/taxonomy';

/** The three parts of every 148/QĐ-TTg sheet and their maxima (ocop.md §5): A 40, B 25, C 35. */
export const PART_MAXIMA = { A: 40, B: 25, C: 35 } as const;
export type PartCode = keyof typeof PART_MAXIMA;

const id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'Mã: chữ, số, . _ -');
const points = z.number().min(0).max(100).multipleOf(0.5);

export const OptionSchema = z
  .object({ id, label: z.string().trim().min(1).max(500), points })
  .strict()
  .openapi('ScoreSheetOption');

/**
 * A mandatory criterion gates the stars from `star` up: a dossier whose mean on it is below
 * `minPoints` cannot get that star or a higher one (148: "tiêu chí bắt buộc").
 */
export const GateSchema = z.object({ star: z.number().int().min(3).max(5), minPoints: points }).strict().openapi('ScoreSheetGate');

export const CriterionSchema = z
  .object({
    id,
    label: z.string().trim().min(1).max(500),
    maxPoints: points.min(0.5),
    options: z.array(OptionSchema).min(1).max(81),
    mandatory: z.array(GateSchema).max(3).optional(),
    /** A commune pre-assessment item (1489/QĐ-TTg): local raw materials, local labour, idea, identity. */
    communeAssessed: z.boolean().optional(),
    /** False where the transcription could not be checked against the annex (docs/evaluation.md). */
    verified: z.boolean().optional(),
    note: z.string().max(1000).optional(),
  })
  .strict()
  .openapi('ScoreSheetCriterion');

export const SectionSchema = z
  .object({ id, label: z.string().trim().min(1).max(300), criteria: z.array(CriterionSchema).min(1).max(40) })
  .strict()
  .openapi('ScoreSheetSection');

export const PartSchema = z
  .object({ code: z.enum(['A', 'B', 'C']), label: z.string().trim().min(1).max(300), sections: z.array(SectionSchema).min(1).max(20) })
  .strict()
  .openapi('ScoreSheetPart');

export const SheetSourceSchema = z
  .object({
    decision: z.string().min(1).max(200).openapi({ example: '148/QĐ-TTg ngày 24/02/2023' }),
    annex: z.string().max(200).optional(),
    urls: z.array(z.url()).max(10).optional(),
    verified: z.array(z.string().max(500)).max(50),
    unverified: z.array(z.string().max(500)).max(50),
  })
  .strict()
  .openapi('ScoreSheetSource');

const sheetShape = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{2,79}$/, 'Mã phiếu: chữ thường, số, -'),
    name: z.string().trim().min(1).max(300),
    /** The decision that issued this version of the sheet; a new decision is a new sheet id. */
    version: z.string().trim().min(1).max(100).openapi({ example: '148/QĐ-TTg' }),
    productGroup: z.enum(groupCodes),
    subgroups: z.array(z.enum(subgroupCodes)).min(1).max(20),
    source: SheetSourceSchema,
    parts: z.array(PartSchema).length(3),
  })
  .strict();

export type ScoreSheet = z.infer<typeof sheetShape>;
export type Criterion = z.infer<typeof CriterionSchema>;

export const criteriaOf = (sheet: ScoreSheet): Criterion[] => sheet.parts.flatMap((p) => p.sections.flatMap((s) => s.criteria));
export const partOfCriterion = (sheet: ScoreSheet): Map<string, PartCode> =>
  new Map(sheet.parts.flatMap((p) => p.sections.flatMap((s) => s.criteria.map((c) => [c.id, p.code] as const))));

/** The sum of the criterion maxima per part. */
export function partMaxima(sheet: ScoreSheet): Record<PartCode, number> {
  const out: Record<PartCode, number> = { A: 0, B: 0, C: 0 };
  for (const p of sheet.parts) for (const s of p.sections) for (const c of s.criteria) out[p.code] += c.maxPoints;
  return out;
}

/**
 * The sheet is checked as a whole: parts A, B, C once each with maxima 40/25/35, ids unique, every
 * option within its criterion's maximum and one option reaching it, gates reachable.
 */
export const ScoreSheetSchema = sheetShape
  .superRefine((sheet, ctx) => {
    const codes = sheet.parts.map((p) => p.code).sort().join('');
    if (codes !== 'ABC') ctx.addIssue({ code: 'custom', path: ['parts'], message: 'Phiếu phải có đúng ba phần A, B, C' });
    const maxima = partMaxima(sheet);
    for (const code of ['A', 'B', 'C'] as const) {
      if (Math.abs(maxima[code] - PART_MAXIMA[code]) > 1e-9) {
        ctx.addIssue({ code: 'custom', path: ['parts'], message: `Phần ${code}: tổng điểm tối đa ${maxima[code]}, phải là ${PART_MAXIMA[code]}` });
      }
    }
    const seen = new Set<string>();
    sheet.parts.forEach((p, pi) =>
      p.sections.forEach((s, si) =>
        s.criteria.forEach((c, ci) => {
          const path = ['parts', pi, 'sections', si, 'criteria', ci];
          if (seen.has(c.id)) ctx.addIssue({ code: 'custom', path: [...path, 'id'], message: `Mã tiêu chí trùng: ${c.id}` });
          seen.add(c.id);
          const optionIds = new Set(c.options.map((o) => o.id));
          if (optionIds.size !== c.options.length) ctx.addIssue({ code: 'custom', path: [...path, 'options'], message: 'Mã phương án trùng' });
          if (c.options.some((o) => o.points > c.maxPoints)) ctx.addIssue({ code: 'custom', path: [...path, 'options'], message: 'Phương án vượt điểm tối đa' });
          if (!c.options.some((o) => o.points === c.maxPoints)) ctx.addIssue({ code: 'custom', path: [...path, 'options'], message: 'Không phương án nào đạt điểm tối đa' });
          for (const g of c.mandatory ?? []) {
            if (g.minPoints > c.maxPoints) ctx.addIssue({ code: 'custom', path: [...path, 'mandatory'], message: 'Ngưỡng bắt buộc vượt điểm tối đa' });
          }
        }),
      ),
    );
  })
  .openapi('ScoreSheet');
