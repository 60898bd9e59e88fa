import { RecordCertificateBodySchema } from './schemas';

/** The text columns of a record, as a form or a CSV row carries them. */
export const RECORD_COLUMNS = [
  'certificateNo',
  'decisionNo',
  'decisionDate',
  'stars',
  'score',
  'issuingLevel',
  'issuingAuthority',
  'issuerProvinceLegacyName',
  'productGroup',
  'subgroup',
  'subjectId',
  'productId',
] as const;
export type RecordColumn = (typeof RECORD_COLUMNS)[number];

/**
 * Strings to the API body through the API's own schema, so the console, the CSV import and the API
 * accept exactly the same records. Blank means "not given"; "7,5" is read as 7.5 (Vietnamese decimals).
 */
export function parseRecordStrings(values: Partial<Record<string, string>>) {
  const text = (name: RecordColumn) => values[name]?.normalize('NFC').trim() || undefined;
  const number = (name: RecordColumn) => {
    const t = text(name);
    return t === undefined ? undefined : Number(t.replace(',', '.'));
  };
  return RecordCertificateBodySchema.safeParse({
    certificateNo: text('certificateNo'),
    decisionNo: text('decisionNo'),
    decisionDate: text('decisionDate'),
    stars: number('stars'),
    score: number('score'),
    issuingLevel: text('issuingLevel'),
    issuingAuthority: text('issuingAuthority'),
    issuerProvinceLegacyName: text('issuerProvinceLegacyName'),
    productGroup: text('productGroup'),
    subgroup: text('subgroup'),
    subjectId: text('subjectId'),
    productId: text('productId'),
  });
}
