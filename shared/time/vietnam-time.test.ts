import { describe, expect, it } from 'vitest';
import { formatVietnamDate, formatVietnamDateTime, vietnamCalendarDate } from './vietnam-time';

describe('Vietnam time display', () => {
  it('shows UTC instants in Asia/Ho_Chi_Minh (UTC+7)', () => {
    expect(formatVietnamDate('2026-05-15T17:00:00Z')).toBe('16/05/2026');
    expect(formatVietnamDateTime('2026-05-15T01:30:00Z')).toContain('08:30');
    expect(vietnamCalendarDate(new Date('2026-12-31T18:00:00Z'))).toBe('2027-01-01');
  });
});
