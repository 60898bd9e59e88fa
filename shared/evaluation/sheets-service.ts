import { Forbidden, InvalidInput, NotFound, Conflict } from '../http/errors';
import type { Principal } from '../identity/principal';
import type { Services } from '../services';
import { builtinSheet, builtinSheets } from './builtin-sheets';
import { ScoreSheetSchema, type ScoreSheet } from './score-sheet';

type SheetServices = Pick<Services, 'evaluation' | 'clock'>;

/** Shipped sheets first, then the ones admins loaded (one Query). */
export async function listSheets(services: SheetServices): Promise<ScoreSheet[]> {
  const stored = await services.evaluation.listSheets();
  return [...builtinSheets, ...stored.filter((s) => !builtinSheet(s.id))];
}

export async function findSheet(services: SheetServices, id: string): Promise<ScoreSheet> {
  const sheet = builtinSheet(id) ?? (await services.evaluation.getSheet(id));
  if (!sheet) throw new NotFound(`Không có phiếu đánh giá ${id}`, 'SHEET_NOT_FOUND');
  return sheet;
}

/** The sheet for a product's subgroup: the newest loaded one wins over the shipped one. */
export async function sheetForSubgroup(services: SheetServices, subgroup: string): Promise<ScoreSheet> {
  const sheets = await listSheets(services);
  const sheet = [...sheets].reverse().find((s) => s.subgroups.includes(subgroup as ScoreSheet['subgroups'][number]));
  if (!sheet) throw new InvalidInput(`Chưa có phiếu đánh giá cho phân nhóm ${subgroup}`, 'NO_SCORE_SHEET', { subgroup });
  return sheet;
}

/** Admins load a sheet from JSON; the schema checks the whole tree (score-sheet.ts). */
export async function loadSheet(services: SheetServices, principal: Principal, body: unknown): Promise<ScoreSheet> {
  if (principal.role !== 'admin') throw new Forbidden('Chỉ quản trị viên nạp phiếu đánh giá', 'ADMIN_ONLY');
  const parsed = ScoreSheetSchema.safeParse(body);
  if (!parsed.success) {
    throw new InvalidInput('Phiếu đánh giá không hợp lệ', 'INVALID_SCORE_SHEET', { issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) });
  }
  if (builtinSheet(parsed.data.id)) throw new Conflict(`Phiếu ${parsed.data.id} đã có`, 'SHEET_EXISTS');
  await services.evaluation.putSheet(parsed.data, principal.accountId, services.clock.now().toISOString());
  return parsed.data;
}
