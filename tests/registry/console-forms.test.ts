import { describe, expect, it } from 'vitest';
import { registryState } from '../../shared/registry/registry-state';
import { isoDateOf, parseChangeForm } from '../../web/registry/change-forms';
import { changesOf } from '../../web/registry/audit-trail';
import { makeCertificateSnapshot } from '../support/catalog-fixtures';
import type { Certificate } from '../../shared/registry/certificate';

describe('console change forms (pure)', () => {
  it('reads dates the Vietnamese way, and ISO, refusing days that do not exist', () => {
    expect(isoDateOf('20/11/2026')).toBe('2026-11-20');
    expect(isoDateOf('1/2/2026')).toBe('2026-02-01');
    expect(isoDateOf('2026-11-20')).toBe('2026-11-20');
    expect(isoDateOf('29/02/2028')).toBe('2028-02-29');
    for (const bad of ['31/02/2026', '29/02/2027', '2026-13-01', '11/20', 'hôm nay', '']) expect(isoDateOf(bad)).toBeUndefined();
  });

  it('turns form strings into the API body (decimal comma, blanks left out)', () => {
    expect(parseChangeForm('downgrade', { downgradeStars: '2', downgradeDecisionNo: ' 9/QĐ-UBND ', downgradeScore: '45,5', downgradeReason: 'Không đạt' })).toEqual({
      success: true,
      data: { stars: 2, decisionNo: '9/QĐ-UBND', score: 45.5, reason: 'Không đạt' },
    });
    expect(parseChangeForm('renew', { renewDecisionNo: '1/QĐ', renewDecisionDate: '01/11/2026', renewStars: '', renewScore: '', renewReason: '' })).toEqual({
      success: true,
      data: { decisionNo: '1/QĐ', decisionDate: '2026-11-01' },
    });
  });

  it('gives each bad field one Vietnamese message, under the form field name', () => {
    const out = parseChangeForm('revoke', { revokeDecisionNo: '', revokedOn: '31/02/2026', revokeReason: 'x' });
    expect(out.success).toBe(false);
    if (out.success) return;
    expect(Object.keys(out.errors).sort()).toEqual(['revokeDecisionNo', 'revokeReason', 'revokedOn']);
    expect(out.errors.revokedOn).toMatch(/ngày\/tháng\/năm/);
  });
});

describe('registry state for the console', () => {
  const cert = (over: Partial<Certificate> = {}): Certificate => ({ ...makeCertificateSnapshot({ decisionDate: '2026-01-10' }), productGroup: 'food', subgroup: 'food-condiment', subjectId: 's', ...over });
  const now = new Date('2026-11-23T03:00:00Z');

  it('says downgraded after a downgrade, but revoked and expired win', () => {
    expect(registryState(cert(), 'record', now)).toBe('valid');
    expect(registryState(cert({ stars: 3 }), 'downgrade', now)).toBe('downgraded');
    expect(registryState(cert({ stars: 2 }), 'downgrade', now)).toBe('downgraded');
    expect(registryState(cert({ stars: 2 }), 'record', now)).toBe('below_three_stars');
    expect(registryState(cert({ status: 'revoked' }), 'downgrade', now)).toBe('revoked');
    expect(registryState(cert(), 'downgrade', new Date('2029-01-10T17:00:00Z'))).toBe('expired');
  });

  it('lists what changed in an audit entry, before → after', () => {
    const before = cert({ score: 76 });
    const after = cert({ stars: 2, decisionNo: '9/QĐ-UBND' });
    expect(changesOf({ certificateNo: 'x', at: now.toISOString(), action: 'downgrade', actor: { accountId: 'a', role: 'admin' }, before, after })).toEqual([
      'Hạng: 4 sao → 2 sao',
      'Quyết định: 1234/QĐ-UBND, ngày 10/01/2026 → 9/QĐ-UBND, ngày 10/01/2026',
      'Điểm: 76 → —',
    ]);
  });
});
