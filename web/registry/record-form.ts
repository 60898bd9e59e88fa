import { RECORD_COLUMNS, parseRecordStrings } from '../../shared/registry/record-input';

export const RECORD_FIELDS = RECORD_COLUMNS;

export const recordLabels: Record<(typeof RECORD_FIELDS)[number], string> = {
  certificateNo: 'Số giấy chứng nhận',
  decisionNo: 'Số quyết định',
  decisionDate: 'Ngày ký quyết định',
  stars: 'Hạng sao',
  score: 'Điểm',
  issuingLevel: 'Cấp công nhận',
  issuingAuthority: 'Cơ quan công nhận (ghi đúng như trên quyết định)',
  issuerProvinceLegacyName: 'Tên tỉnh cũ của cơ quan công nhận (nếu trước sáp nhập 2025)',
  productGroup: 'Mã nhóm sản phẩm',
  subgroup: 'Mã phân nhóm',
  subjectId: 'Mã chủ thể OCOP',
  productId: 'Mã sản phẩm',
};

/** Form strings to the API body: the same parser as the CSV import. */
export const parseRecordForm = (values: Record<string, string>) => parseRecordStrings(values);
