import type { App } from '../../app/create-app';
import { builtinSheets } from '../../shared/evaluation/builtin-sheets';
import { criteriaOf } from '../../shared/evaluation/score-sheet';

export const foodSheet = builtinSheets.find((s) => s.id === 'qd148-thuc-pham-gia-vi')!;

/** Every criterion at its best option, then the given overrides (criterion id → option id). */
export function sheetChoices(overrides: Record<string, string> = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of criteriaOf(foodSheet)) out[c.id] = c.options.reduce((best, o) => (o.points > best.points ? o : best)).id;
  return { ...out, ...overrides };
}

export const roundBody = (over: Record<string, unknown> = {}) => ({
  name: 'Đánh giá, phân hạng sản phẩm OCOP đợt 1 năm 2026',
  periodFrom: '2026-11-01',
  periodTo: '2026-12-31',
  productGroups: ['food'],
  deadline: '2026-12-15',
  ...over,
});

export const preAssessmentBody = {
  commune: 'UBND xã Long Hồ',
  items: { rawMaterials: { met: true, note: 'Cá cơm Phú Quốc' }, labour: { met: true }, idea: { met: true }, identity: { met: true } },
};

export function call(app: App, method: string, path: string, auth: Record<string, string>, body?: unknown) {
  return app.request(path, {
    method,
    headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...auth },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}
