import { describe, expect, it } from 'vitest';
import { checkIssuer } from './issuer-consistency';

const codes = (input: Parameters<typeof checkIssuer>[0]) => checkIssuer(input).map((f) => `${f.severity}:${f.code}`);

describe('issuer vs star consistency (warn, do not block)', () => {
  it('accepts a 4★ recognised by the province after the 2025 reform', () => {
    expect(codes({ stars: 4, issuingLevel: 'province', decisionDate: '2025-09-01', score: 75 })).toEqual([]);
  });

  it('accepts a legacy 3★ from a district before districts were abolished', () => {
    expect(codes({ stars: 3, issuingLevel: 'district', decisionDate: '2024-03-01', score: 60 })).toEqual([]);
  });

  it('errors on a district issuer dated after 01/07/2025', () => {
    expect(codes({ stars: 3, issuingLevel: 'district', decisionDate: '2025-07-01' })).toContain('error:DISTRICT_AFTER_ABOLITION');
  });

  it('warns when 5★ is not central and when the score does not fit the star', () => {
    expect(codes({ stars: 5, issuingLevel: 'province', decisionDate: '2024-01-01', score: 92 })).toEqual(['warning:FIVE_STAR_NOT_CENTRAL']);
    expect(codes({ stars: 4, issuingLevel: 'province', decisionDate: '2024-01-01', score: 65 })).toEqual(['warning:SCORE_STAR_MISMATCH']);
  });
});
