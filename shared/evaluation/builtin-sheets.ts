import food148 from './sheets/qd148-thuc-pham-gia-vi.json' with { type: 'json' };
import { ScoreSheetSchema, type ScoreSheet } from './score-sheet';

/**
 * Sheets shipped with the code (parsed once, so a broken file fails the boot and the tests). Admins
 * add more as data (POST /api/score-sheets); a stored sheet never replaces a shipped id.
 */
export const builtinSheets: readonly ScoreSheet[] = [ScoreSheetSchema.parse(food148)];
export const builtinSheet = (id: string) => builtinSheets.find((s) => s.id === id);
