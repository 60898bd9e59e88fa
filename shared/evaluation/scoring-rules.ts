import { criteriaOf, partOfCriterion, type PartCode, type ScoreSheet } from './score-sheet';

/** One council member's sheet: the option chosen per criterion id. */
export type MemberChoices = Readonly<Record<string, string>>;

export interface CriterionMean {
  criterionId: string;
  mean: number;
  maxPoints: number;
}

export interface MandatoryFinding {
  criterionId: string;
  label: string;
  star: number;
  minPoints: number;
  mean: number;
  message: string;
}

export interface EvaluationResult {
  members: number;
  criteria: CriterionMean[];
  parts: Record<PartCode, number>;
  /** Sum of the criterion means, to one decimal: the figure a decision writes. */
  total: number;
  /** The star the total alone gives (ocop.md §5). */
  band: number;
  /** The band lowered until every mandatory criterion of that star is met. */
  stars: number;
  /** Each mandatory criterion that kept the dossier from a star at or below its band. */
  findings: MandatoryFinding[];
  /** ≥ 90 and every 5★ gate met: proposed to the ministry, never recognised by the province. */
  fiveStarCandidate: boolean;
}

const oneDecimal = (n: number) => Math.round(n * 10 + 1e-9) / 10;

/** <30 1★, 30–49 2★, 50–69 3★, 70–89 4★, ≥90 5★: the lower edge of each band belongs to it. */
export function starBand(total: number): number {
  if (total >= 90) return 5;
  if (total >= 70) return 4;
  if (total >= 50) return 3;
  if (total >= 30) return 2;
  return 1;
}

/** The points of a member's choice; an unknown criterion or option is refused by the caller first. */
function pointsOf(sheet: ScoreSheet, choices: MemberChoices, criterionId: string): number {
  const criterion = criteriaOf(sheet).find((c) => c.id === criterionId);
  const option = criterion?.options.find((o) => o.id === choices[criterionId]);
  return option?.points ?? 0;
}

/** Which criteria or options of a member's sheet are missing or unknown (empty when complete). */
export function choiceProblems(sheet: ScoreSheet, choices: MemberChoices): string[] {
  const problems: string[] = [];
  const criteria = criteriaOf(sheet);
  for (const c of criteria) {
    const chosen = choices[c.id];
    if (chosen === undefined) problems.push(`Chưa chấm tiêu chí ${c.id}`);
    else if (!c.options.some((o) => o.id === chosen)) problems.push(`Phương án ${chosen} không có trong tiêu chí ${c.id}`);
  }
  const known = new Set(criteria.map((c) => c.id));
  for (const k of Object.keys(choices)) if (!known.has(k)) problems.push(`Tiêu chí ${k} không có trong phiếu`);
  return problems;
}

/** Mean per criterion across the members, total, band, and the mandatory rule (docs/evaluation.md). */
export function evaluate(sheet: ScoreSheet, members: readonly MemberChoices[]): EvaluationResult {
  const criteria = criteriaOf(sheet);
  const partOf = partOfCriterion(sheet);
  const parts: Record<PartCode, number> = { A: 0, B: 0, C: 0 };
  const means: CriterionMean[] = criteria.map((c) => {
    const sum = members.reduce((s, m) => s + pointsOf(sheet, m, c.id), 0);
    const mean = members.length === 0 ? 0 : sum / members.length;
    parts[partOf.get(c.id)!] += mean;
    return { criterionId: c.id, mean: Math.round(mean * 100) / 100, maxPoints: c.maxPoints };
  });
  const rawTotal = means.reduce((s, m) => s + m.mean, 0);
  const total = oneDecimal(rawTotal);
  const band = starBand(total);
  const findings: MandatoryFinding[] = [];
  const failsAt = (star: number) => {
    let failed = false;
    for (const c of criteria) {
      for (const gate of c.mandatory ?? []) {
        if (gate.star > star) continue;
        const mean = means.find((m) => m.criterionId === c.id)!.mean;
        if (mean + 1e-9 < gate.minPoints) {
          failed = true;
          if (!findings.some((f) => f.criterionId === c.id && f.star === gate.star)) {
            findings.push({
              criterionId: c.id,
              label: c.label,
              star: gate.star,
              minPoints: gate.minPoints,
              mean,
              message: `Tiêu chí bắt buộc "${c.label}" cần ≥ ${gate.minPoints} điểm cho hạng ${gate.star}★ (đạt ${mean})`,
            });
          }
        }
      }
    }
    return failed;
  };
  let stars = band;
  while (stars >= 3 && failsAt(stars)) stars -= 1;
  return {
    members: members.length,
    criteria: means,
    parts: { A: oneDecimal(parts.A), B: oneDecimal(parts.B), C: oneDecimal(parts.C) },
    total,
    band,
    stars,
    findings,
    fiveStarCandidate: stars === 5,
  };
}
