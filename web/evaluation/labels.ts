import type { DossierState } from '../../shared/evaluation/dossier';
import type { RoundState } from '../../shared/evaluation/round';

export const roundStateLabels: Record<RoundState, string> = {
  draft: 'Đang chuẩn bị',
  open: 'Đang nhận hồ sơ',
  scoring: 'Hội đồng đang chấm',
  decided: 'Đã khóa chấm, chờ quyết định',
  closed: 'Đã kết thúc',
};

export const nextStepLabels: Partial<Record<RoundState, string>> = {
  draft: 'Mở nhận hồ sơ',
  open: 'Chuyển sang hội đồng chấm',
  scoring: 'Khóa chấm điểm',
  decided: 'Kết thúc đợt',
};
export const nextState: Partial<Record<RoundState, RoundState>> = { draft: 'open', open: 'scoring', scoring: 'decided', decided: 'closed' };

export const dossierStateLabels: Record<DossierState, string> = {
  submitted: 'Đã nộp, chờ cán bộ xem xét',
  returned: 'Bị trả lại, cần bổ sung',
  preassessed: 'Đã đánh giá sơ bộ cấp xã, chờ hội đồng',
  forwarded: 'Đạt ≥ 90 điểm, đã đề nghị Bộ xét 5★',
  recognised: 'Đã được công nhận',
  'not-recognised': 'Chưa đạt hạng 3★',
};

export const documentKindLabels: Record<string, string> = {
  'business-registration': 'Giấy đăng ký kinh doanh',
  'food-safety': 'Giấy chứng nhận an toàn thực phẩm',
  'product-standard': 'Tiêu chuẩn sản phẩm',
  'test-results': 'Phiếu kết quả kiểm nghiệm',
  'product-story': 'Câu chuyện sản phẩm',
  photo: 'Ảnh sản phẩm',
  other: 'Tài liệu khác',
};

export const communeItemLabels: Record<string, string> = {
  rawMaterials: 'Nguồn gốc nguyên liệu tại địa phương',
  labour: 'Sử dụng lao động địa phương',
  idea: 'Nguồn gốc ý tưởng sản phẩm',
  identity: 'Bản sắc địa phương',
};
