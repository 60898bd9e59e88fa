import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvCell, toCsv, unneutralise } from './csv';

describe('CSV writer', () => {
  it('quotes commas, quotes and line breaks (RFC 4180) and starts with a UTF-8 BOM and CRLF rows', () => {
    const text = toCsv(['Tên', 'Ghi chú'], [['Góc OCOP, tầng 1', 'nói "ngon"\nlắm'], ['Đà Lạt', '']]);
    expect(text.startsWith('\uFEFFTên,Ghi chú\r\n')).toBe(true);
    expect(text).toContain('"Góc OCOP, tầng 1","nói ""ngon""\nlắm"\r\n');
    expect(parse(text, { bom: true })).toEqual([['Tên', 'Ghi chú'], ['Góc OCOP, tầng 1', 'nói "ngon"\nlắm'], ['Đà Lạt', '']]);
  });

  it('neutralises cells a spreadsheet would run as formulas, and reads them back', () => {
    for (const bad of ['=HYPERLINK("http://x")', '+84912345678', '-2+3', '@SUM(A1)', '\tx']) {
      const cell = csvCell(bad);
      expect(cell.replace(/^"/, '').startsWith("'")).toBe(true);
      expect(unneutralise((parse(cell) as string[][])[0]![0]!)).toBe(bad);
    }
    expect(csvCell('Hà Nội')).toBe('Hà Nội');
    expect(unneutralise("'bình thường")).toBe("'bình thường");
  });
});
