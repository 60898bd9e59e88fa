import { ScoreSheetSchema, type ScoreSheet } from '../../shared/evaluation/score-sheet';
import type { MemberChoices } from '../../shared/evaluation/scoring-rules';

/** Options 0, 0.5, …, max: any half-point score is one choice (option id = its points). */
function steps(max: number) {
  return Array.from({ length: max * 2 + 1 }, (_, i) => ({ id: String(i / 2), label: `${i / 2} điểm`, points: i / 2 }));
}

/**
 * A synthetic sheet for the arithmetic tests: A = a1 (20) + a2 (20), B = b1 (25), C = c1 (35); b1 is
 * mandatory: ≥ 10 for 3★, ≥ 20 for 4★.
 */
export const testSheet: ScoreSheet = ScoreSheetSchema.parse({
  id: 'phieu-thu-nghiem',
  name: 'Phiếu thử nghiệm',
  version: 'thử nghiệm',
  productGroup: 'food',
  subgroups: ['food-condiment'],
  source: { decision: 'thử nghiệm', verified: [], unverified: ['toàn bộ: phiếu tổng hợp cho kiểm thử'] },
  parts: [
    { code: 'A', label: 'A', sections: [{ id: 'A1', label: 'A1', criteria: [
      { id: 'a1', label: 'a1', maxPoints: 20, options: steps(20) },
      { id: 'a2', label: 'a2', maxPoints: 20, options: steps(20) },
    ] }] },
    { code: 'B', label: 'B', sections: [{ id: 'B1', label: 'B1', criteria: [{ id: 'b1', label: 'Tiếp thị', maxPoints: 25, options: steps(25), mandatory: [{ star: 3, minPoints: 10 }, { star: 4, minPoints: 20 }] }] }] },
    { code: 'C', label: 'C', sections: [{ id: 'C1', label: 'C1', criteria: [
      { id: 'c1', label: 'c1', maxPoints: 35, options: steps(35) },
    ] }] },
  ],
});

/** A member's choices giving these points per criterion. */
export const choices = (a1: number, a2: number, b1: number, c1: number): MemberChoices => ({ a1: String(a1), a2: String(a2), b1: String(b1), c1: String(c1) });
