import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from './csv';

describe('CSV export (RFC 4180, no formula injection)', () => {
  it('quotes fields with quotes, commas and line breaks, doubling quotes; CRLF rows', () => {
    expect(toCsv(['a', 'b'], [['x, y', 'say "hi"'], ['line\nbreak', 3]])).toBe('a,b\r\n"x, y","say ""hi"""\r\n"line\nbreak",3\r\n');
  });
  it('neutralises cells a spreadsheet would run as formulas, but not numbers', () => {
    expect(csvField('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvField('+84912')).toBe("'+84912");
    expect(csvField('-1+1')).toBe("'-1+1");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField(-5)).toBe('-5');
    expect(csvField('Mật ong')).toBe('Mật ong');
    expect(csvField(undefined)).toBe('');
  });
});
