/** Times are stored in UTC (ISO-8601) and shown in Vietnam's zone. */
export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const dateFormat = new Intl.DateTimeFormat('vi-VN', {
  timeZone: VIETNAM_TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

const dateTimeFormat = new Intl.DateTimeFormat('vi-VN', {
  timeZone: VIETNAM_TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** "15/05/2026" */
export function formatVietnamDate(at: Date | string): string {
  return dateFormat.format(new Date(at));
}

/** "15/05/2026 08:30" (24-hour, Vietnam time) */
export function formatVietnamDateTime(at: Date | string): string {
  return dateTimeFormat.format(new Date(at));
}

/** The calendar date (YYYY-MM-DD) it is in Vietnam at the given instant. */
export function vietnamCalendarDate(at: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: VIETNAM_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
  return parts;
}
