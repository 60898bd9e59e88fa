import { Forbidden } from '../http/errors';
import type { Principal } from '../identity/principal';
import type { IssuingLevel } from './certificate';

/**
 * What a province officer may record or change (docs/registry.md): results of their own province's
 * council — 1–4★, issued at province level, or at district level for legacy decisions before the
 * 2025 reform. 5★ and every central-level decision come from the Ministry, so only an admin enters
 * them; letting a province type in a national-level star would let one office mint 5★ badges.
 */
export function assertMayRecord(principal: Principal, result: { stars: number; issuingLevel: IssuingLevel }): void {
  if (principal.role === 'admin') return;
  if (result.stars === 5 || result.issuingLevel === 'central') {
    throw new Forbidden('Quyết định 5★ / cấp trung ương chỉ quản trị viên được ghi nhận', 'CENTRAL_DECISION_ADMIN_ONLY');
  }
}
