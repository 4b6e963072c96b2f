/** Calendar dates ('YYYY-MM-DD') and local times ('HH:MM') in IANA time zones, without a date library. */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

const offsets = new Map<string, number>();

/** How far the zone's wall clock is ahead of UTC at an instant (Intl: exact, but slow; hence the cache below). */
function offsetMs(timeZone: string, instant: number): number {
  const parts: Record<string, string> = {};
  for (const part of formatter(timeZone).formatToParts(instant)) parts[part.type] = part.value;
  const wall = Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!, +parts.hour!, +parts.minute!, +parts.second!);
  return wall - Math.floor(instant / 1000) * 1000;
}

/**
 * The zone's UTC offset on a local date, at midday (cached: zones change offset at most twice a
 * year, never at midday, so a flight's day is one lookup).
 */
function offsetOn(date: string, timeZone: string): number {
  const key = `${timeZone}|${date}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    const noon = Date.parse(`${date}T12:00:00Z`);
    offset = offsetMs(timeZone, noon - offsetMs(timeZone, noon));
    if (offsets.size > 50_000) offsets.clear();
    offsets.set(key, offset);
  }
  return offset;
}

/** The instant (epoch ms) at which the wall clock in `timeZone` shows `date` `time`. */
export function zonedToEpoch(date: string, time: string, timeZone: string): number {
  return Date.parse(`${date}T${time.slice(0, 5)}:00Z`) - offsetOn(date, timeZone);
}

/** Today's date in a time zone. */
export function localDate(timeZone: string, now: Date = new Date()): string {
  return localDateTime(now.getTime(), timeZone).date;
}

/** The local date and time of an instant in a time zone. */
export function localDateTime(instant: number, timeZone: string): { date: string; time: string } {
  const utcDate = new Date(instant).toISOString().slice(0, 10);
  let local = new Date(instant + offsetOn(utcDate, timeZone)).toISOString();
  if (local.slice(0, 10) !== utcDate) local = new Date(instant + offsetOn(local.slice(0, 10), timeZone)).toISOString();
  return { date: local.slice(0, 10), time: local.slice(11, 16) };
}

const dayMs = 86_400_000;

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  return ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
}

export function isValidDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const parsed = new Date(Date.UTC(y, m - 1, d));
  return parsed.getUTCFullYear() === y && parsed.getUTCMonth() === m - 1 && parsed.getUTCDate() === d;
}
