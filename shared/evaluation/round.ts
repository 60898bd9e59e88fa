import { z } from '@hono/zod-openapi';
import { provinceCodes } from '../reference/provinces';
import { groupCodes } from '../reference/taxonomy';

export const roundStates = ['draft', 'open', 'scoring', 'decided', 'closed'] as const;
export type RoundState = (typeof roundStates)[number];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Expected YYYY-MM-DD');

export const RoundSchema = z
  .object({
    id: z.string(),
    provinceCode: z.enum(provinceCodes),
    name: z.string(),
    periodFrom: isoDate,
    periodTo: isoDate,
    productGroups: z.array(z.enum(groupCodes)),
    deadline: isoDate.openapi({ description: 'Last day producers may submit (Asia/Ho_Chi_Minh)' }),
    state: z.enum(roundStates),
    createdBy: z.string(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    version: z.number().int().min(1),
  })
  .openapi('EvaluationRound');
export type Round = z.infer<typeof RoundSchema>;

export const CouncilMemberSchema = z
  .object({ accountId: z.string(), displayName: z.string(), email: z.string(), addedBy: z.string(), addedAt: z.iso.datetime() })
  .openapi('CouncilMember');
export type CouncilMember = z.infer<typeof CouncilMemberSchema>;

/** draft → open → scoring → decided → closed, forward only, one step at a time. */
const next: Record<RoundState, RoundState | undefined> = { draft: 'open', open: 'scoring', scoring: 'decided', decided: 'closed', closed: undefined };
export const mayTransition = (from: RoundState, to: RoundState) => next[from] === to;
