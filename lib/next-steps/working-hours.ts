/**
 * Wall-clock time in a zone, through Intl only (offsets and daylight saving come from the
 * browser's own tz data): reading an instant's local date and time, turning a local time back
 * into an instant, and moving an instant forward to the next working hour.
 */
const DAY_MS = 24 * 3600 * 1000;

export interface LocalParts {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  /** 0 = Sunday. */
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** Local date and time through Intl (costly: tens of microseconds a call). */
function intlParts(at: number, zone: string): LocalParts {
  const p: Record<string, number> = {};
  for (const part of formatter(zone).formatToParts(at)) {
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  }
  const year = p.year!;
  const month = p.month!;
  const day = p.day!;
  return { year, month, day, hour: p.hour! % 24, minute: p.minute!, weekday: new Date(Date.UTC(year, month - 1, day)).getUTCDay() };
}

function intlOffset(at: number, zone: string): number {
  const p = intlParts(at, zone);
  const whole = at - (((at % 60_000) + 60_000) % 60_000);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute) - whole;
}

/**
 * Offsets by zone and UTC day: the offset at both ends of a day when they agree (a zone changes
 * its offset at most a few times a year, never twice in a day), NaN for the day of a change. The
 * rules place thousands of steps in a few zones, so Intl is asked about each day once.
 */
const DAY_BUCKET = 24 * 3600 * 1000;
const offsets = new Map<string, number>();

/** The zone's offset from UTC at `at`, in ms (positive east of Greenwich). */
export function zoneOffset(at: number, zone: string): number {
  const bucket = Math.floor(at / DAY_BUCKET);
  const key = `${zone}|${bucket}`;
  let v = offsets.get(key);
  if (v === undefined) {
    const a = intlOffset(bucket * DAY_BUCKET, zone);
    const b = intlOffset((bucket + 1) * DAY_BUCKET - 60_000, zone);
    v = a === b ? a : NaN;
    if (offsets.size > 100_000) offsets.clear();
    offsets.set(key, v);
  }
  return Number.isNaN(v) ? intlOffset(at, zone) : v;
}

export function localParts(at: number, zone: string): LocalParts {
  const d = new Date(at + zoneOffset(at, zone));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), weekday: d.getUTCDay() };
}

/**
 * The instant at local time y-m-d h:m in `zone`. A time skipped by a daylight-saving jump comes
 * out shifted forward by the jump; a repeated hour gives its first occurrence.
 */
export function instantAt(zone: string, year: number, month: number, day: number, hour: number, minute: number): number {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const a = wall - zoneOffset(wall, zone);
  // The offset at the first guess may differ from the one at the wall time across a change.
  const b = wall - zoneOffset(a, zone);
  const shows = (t: number) => {
    const p = localParts(t, zone);
    return p.hour === hour && p.minute === minute && p.day === day;
  };
  const exact = [a, b].filter(shows);
  return exact.length ? Math.min(...exact) : Math.max(a, b);
}

export interface WorkWindow {
  zone: string;
  /** Minutes after local midnight. */
  start: number;
  end: number;
  weekend: readonly number[];
}

/** The civil day after y-m-d. */
function nextDay(year: number, month: number, day: number): [number, number, number] {
  const d = new Date(Date.UTC(year, month - 1, day) + DAY_MS);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
}

/**
 * The first instant at or after `at` inside the working window: `at` itself on a working day
 * within hours, otherwise the start of the next working day's hours. A window with no working
 * day (every day a weekend) or no hours leaves `at` as it is.
 */
export function placeInWorkingHours(at: number, w: WorkWindow): number {
  if (w.end <= w.start || w.weekend.length >= 7) return at;
  const p = localParts(at, w.zone);
  const minutes = p.hour * 60 + p.minute;
  let [y, m, d] = [p.year, p.month, p.day];
  let weekday = p.weekday;
  if (!w.weekend.includes(weekday) && minutes >= w.start && minutes < w.end) return at;
  if (w.weekend.includes(weekday) || minutes >= w.end) {
    [y, m, d] = nextDay(y, m, d);
    weekday = (weekday + 1) % 7;
  }
  while (w.weekend.includes(weekday)) {
    [y, m, d] = nextDay(y, m, d);
    weekday = (weekday + 1) % 7;
  }
  return instantAt(w.zone, y, m, d, Math.floor(w.start / 60), w.start % 60);
}

/** Midnight starting the local day of `at` in `zone`, and the next one. */
export function localDayBounds(at: number, zone: string): { start: number; end: number } {
  const p = localParts(at, zone);
  const [y, m, d] = nextDay(p.year, p.month, p.day);
  return { start: instantAt(zone, p.year, p.month, p.day, 0, 0), end: instantAt(zone, y, m, d, 0, 0) };
}
