// Publication times as publishers and tools write them, reduced to a day.

/**
 * The day of an ISO 8601 date or time, as written: "2025-04-16T23:45:00-05:00" is
 * 2025-04-16, the day it was where it was published, not moved to UTC. Other
 * forms Date.parse reads ("Tue, 04 Feb 2025 02:10:00 GMT") give their UTC day.
 */
export function isoDayOf(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const day = /^\s*(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/.exec(value);
  if (day) {
    const [, y, m, d] = day;
    const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
    return date.getUTCMonth() === Number(m) - 1 && date.getUTCDate() === Number(d) ? `${y}-${m}-${d}` : undefined;
  }
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString().slice(0, 10);
}
