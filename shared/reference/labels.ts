import { provinceByCode, provinceForName, type Province } from './provinces';

/** "tỉnh Vĩnh Long", "thành phố Hà Nội", "TP. Hồ Chí Minh". */
export function provinceLabel(p: Province): string {
  if (p.name.startsWith('TP.')) return p.name;
  return p.type === 'city' ? `thành phố ${p.name}` : `tỉnh ${p.name}`;
}

export function provinceLabelByCode(code: string): string {
  const p = provinceByCode(code);
  return p ? provinceLabel(p) : code;
}

/**
 * "UBND tỉnh Trà Vinh (nay thuộc tỉnh Vĩnh Long)": the issuer verbatim, plus today's province when the
 * issuing province was merged away in 2025.
 */
export function issuerLabel(issuingAuthority: string, issuerProvinceLegacyName?: string): string {
  if (!issuerProvinceLegacyName) return issuingAuthority;
  const now = provinceForName(issuerProvinceLegacyName);
  if (!now || now.name === issuerProvinceLegacyName) return issuingAuthority;
  return `${issuingAuthority} (nay thuộc ${provinceLabel(now)})`;
}
