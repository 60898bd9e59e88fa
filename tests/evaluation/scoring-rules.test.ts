import { describe, expect, it } from 'vitest';
import { builtinSheets } from '../../shared/evaluation/builtin-sheets';
import { partMaxima, ScoreSheetSchema } from '../../shared/evaluation/score-sheet';
import { evaluate, starBand, choiceProblems } from '../../shared/evaluation/scoring-rules';
import food148 from '../../shared/evaluation/sheets/qd148-thuc-pham-gia-vi.json' with { type: 'json' };
import { choices, testSheet } from './sheet-fixtures';

describe('score sheets as data', () => {
  it('ships the 148/QĐ-TTg food sheet with maxima 40 / 25 / 35 and its source named', () => {
    const sheet = builtinSheets.find((s) => s.id === 'qd148-thuc-pham-gia-vi')!;
    expect(partMaxima(sheet)).toEqual({ A: 40, B: 25, C: 35 });
    expect(sheet.source.decision).toContain('148/QĐ-TTg');
    expect(sheet.source.unverified.length).toBeGreaterThan(0);
    // The four 1489 commune pre-assessment items are on the sheet.
    const commune = sheet.parts.flatMap((p) => p.sections.flatMap((s) => s.criteria)).filter((c) => c.communeAssessed);
    expect(commune.map((c) => c.id)).toEqual(['A1.nguyen-lieu', 'A1.lao-dong', 'A2.y-tuong', 'A3.ban-sac']);
  });

  it('refuses a sheet whose part maxima do not add up, with the reason', () => {
    const broken = structuredClone(food148) as { parts: { sections: { criteria: { maxPoints: number }[] }[] }[] };
    broken.parts[1]!.sections[0]!.criteria[0]!.maxPoints = 19;
    const parsed = ScoreSheetSchema.safeParse(broken);
    expect(parsed.success).toBe(false);
    expect(JSON.stringify(parsed.error?.issues)).toContain('Phần B: tổng điểm tối đa 24, phải là 25');
  });

  it('refuses an option above its criterion maximum and a duplicate criterion id', () => {
    const bad = structuredClone(food148) as { parts: { sections: { criteria: { id: string; options: { points: number }[] }[] }[] }[] };
    bad.parts[2]!.sections[0]!.criteria[0]!.options[0]!.points = 11;
    bad.parts[2]!.sections[1]!.criteria[0]!.id = 'C1.cam-quan';
    const issues = JSON.stringify(ScoreSheetSchema.safeParse(bad).error?.issues);
    expect(issues).toContain('Phương án vượt điểm tối đa');
    expect(issues).toContain('Mã tiêu chí trùng: C1.cam-quan');
  });
});

describe('scoring rules', () => {
  it('bands the total with each lower edge inside its band', () => {
    expect([29.9, 30, 49.9, 50, 69, 69.9, 70, 89, 89.9, 90, 100].map(starBand)).toEqual([1, 2, 2, 3, 3, 3, 4, 4, 4, 5, 5]);
  });

  it('averages each criterion across members and sums the means (49.9 is 2★, 50 is 3★)', () => {
    const nineAt50 = Array.from({ length: 9 }, () => choices(10, 10, 15, 15));
    const r499 = evaluate(testSheet, [...nineAt50, choices(10, 10, 15, 14)]);
    expect(r499).toMatchObject({ members: 10, total: 49.9, band: 2, stars: 2, findings: [] });
    expect(r499.criteria.find((c) => c.criterionId === 'c1')?.mean).toBe(14.9);
    const r50 = evaluate(testSheet, [choices(10, 10, 15, 14), choices(10, 10, 15, 16)]);
    expect(r50).toMatchObject({ total: 50, band: 3, stars: 3 });
  });

  it('puts 69 in 3★, 70 in 4★, 89 in 4★ and 90 in 5★ (a candidate for the ministry)', () => {
    expect(evaluate(testSheet, [choices(20, 20, 19, 10)])).toMatchObject({ total: 69, stars: 3 });
    expect(evaluate(testSheet, [choices(20, 20, 20, 10)])).toMatchObject({ total: 70, stars: 4 });
    expect(evaluate(testSheet, [choices(20, 20, 20, 29)])).toMatchObject({ total: 89, stars: 4, fiveStarCandidate: false });
    expect(evaluate(testSheet, [choices(20, 20, 20, 30)])).toMatchObject({ total: 90, stars: 5, fiveStarCandidate: true });
  });

  it('gives a 75-point dossier that fails a 4★ mandatory criterion 3★, and says why', () => {
    const r = evaluate(testSheet, [choices(20, 20, 18, 16), choices(20, 20, 20, 16)]);
    expect(r).toMatchObject({ total: 75, band: 4, stars: 3 });
    expect(r.findings).toEqual([expect.objectContaining({ criterionId: 'b1', star: 4, minPoints: 20, mean: 19 })]);
    expect(r.findings[0]!.message).toContain('hạng 4★');
    // The same total with the gate met is 4★.
    expect(evaluate(testSheet, [choices(20, 20, 20, 15)])).toMatchObject({ total: 75, stars: 4, findings: [] });
  });

  it('drops below 3★ when the 3★ gate fails too', () => {
    const r = evaluate(testSheet, [choices(20, 20, 9, 20)]);
    expect(r).toMatchObject({ total: 69, band: 3, stars: 2 });
    expect(r.findings.map((f) => f.star)).toEqual([3]);
  });

  it('lists missing and unknown choices', () => {
    expect(choiceProblems(testSheet, { a1: '1', a2: '99', zz: '1' })).toEqual([
      'Phương án 99 không có trong tiêu chí a2',
      'Chưa chấm tiêu chí b1',
      'Chưa chấm tiêu chí c1',
      'Tiêu chí zz không có trong phiếu',
    ]);
  });
});
