import { z } from '@hono/zod-openapi';

export const EvaluationResultSchema = z
  .object({
    members: z.number().int(),
    criteria: z.array(z.object({ criterionId: z.string(), mean: z.number(), maxPoints: z.number() })),
    parts: z.object({ A: z.number(), B: z.number(), C: z.number() }),
    total: z.number().openapi({ example: 75 }),
    band: z.number().int().openapi({ description: 'The star of the total alone', example: 4 }),
    stars: z.number().int().openapi({ description: 'After the mandatory criteria', example: 3 }),
    findings: z.array(
      z.object({ criterionId: z.string(), label: z.string(), star: z.number().int(), minPoints: z.number(), mean: z.number(), message: z.string() }),
    ),
    fiveStarCandidate: z.boolean(),
  })
  .openapi('EvaluationResult');
