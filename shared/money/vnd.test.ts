import { describe, expect, it } from 'vitest';
import { formatVnd } from './vnd';

describe('formatVnd', () => {
  it('writes integer đồng with dot separators and the ₫ sign', () => {
    expect(formatVnd(150000)).toBe('150.000\u00a0₫');
    expect(formatVnd(1200000)).toBe('1.200.000\u00a0₫');
    expect(formatVnd(0)).toBe('0\u00a0₫');
  });

  it('refuses fractions: VND has no minor unit', () => {
    expect(() => formatVnd(1.5)).toThrow(RangeError);
  });
});
