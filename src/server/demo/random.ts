/**
 * Seeded pseudo-random numbers and calendar helpers for demo data. Everything here is pure: the
 * same seed gives the same sequence on every machine, so demo trees, tests and benchmarks can be
 * rebuilt identically.
 */

/** 32-bit FNV-1a, used to derive independent sub-seeds from a seed and a label. */
function fnv1a(text: string, basis = 0x811c9dc5): number {
  let hash = basis >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/**
 * Derives a seed from a base seed and labels. Deriving per commune (rather than drawing from one
 * shared stream) keeps a commune's subtree stable when another commune's subtree changes size.
 */
export function deriveSeed(seed: number, ...labels: readonly (string | number)[]): number {
  let hash = fnv1a(String(seed >>> 0));
  for (const label of labels) hash = fnv1a(`|${label}`, hash);
  return hash;
}

/** mulberry32: tiny, fast and good enough for test data; a class so methods live on the prototype. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A new generator whose sequence depends only on this generator's seed lineage and the labels. */
  static derive(seed: number, ...labels: readonly (string | number)[]): Random {
    return new Random(deriveSeed(seed, ...labels));
  }

  /** Uniform float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('Cannot pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Picks from [value, weight] pairs; for hot loops prefer a prebuilt {@link WeightedPicker}. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    return new WeightedPicker(entries).pick(this);
  }

  /** Fisher–Yates on a copy. */
  shuffle<T>(items: readonly T[]): T[] {
    const copy = items.slice();
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const swap = copy[i] as T;
      copy[i] = copy[j] as T;
      copy[j] = swap;
    }
    return copy;
  }

  /** Uniform day number (days since 1970-01-01) in [fromDay, toDay]. */
  dayBetween(fromDay: number, toDay: number): number {
    return toDay <= fromDay ? fromDay : this.int(fromDay, toDay);
  }

  /** Uniform ISO date (YYYY-MM-DD) in [from, to]. */
  dateBetween(from: string, to: string): string {
    return formatDay(this.dayBetween(parseDay(from), parseDay(to)));
  }
}

/** Weighted choice with a cumulative table and binary search: O(log n) per pick, no allocation. */
export class WeightedPicker<T> {
  private readonly values: readonly T[];
  private readonly cumulative: Float64Array;
  private readonly total: number;

  constructor(entries: readonly (readonly [T, number])[]) {
    if (entries.length === 0) throw new Error('A weighted picker needs at least one entry');
    this.values = entries.map(([value]) => value);
    this.cumulative = new Float64Array(entries.length);
    let sum = 0;
    entries.forEach(([, weight], index) => {
      if (!(weight >= 0)) throw new Error('Weights must be non-negative numbers');
      sum += weight;
      this.cumulative[index] = sum;
    });
    if (sum <= 0) throw new Error('At least one weight must be positive');
    this.total = sum;
  }

  pick(rng: Random): T {
    const target = rng.next() * this.total;
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((this.cumulative[mid] as number) > target) high = mid;
      else low = mid + 1;
    }
    return this.values[low] as T;
  }

  /** Share of the total weight held by one value (for tests and documentation). */
  share(value: T): number {
    let weight = 0;
    this.values.forEach((candidate, index) => {
      if (candidate === value) {
        weight += (this.cumulative[index] as number) - (index > 0 ? (this.cumulative[index - 1] as number) : 0);
      }
    });
    return weight / this.total;
  }
}

const MS_PER_DAY = 86_400_000;

/** ISO date (YYYY-MM-DD) → days since 1970-01-01 (UTC, so no time-zone drift). */
export function parseDay(iso: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new Error(`Not an ISO date: ${iso}`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / MS_PER_DAY;
}

const TWO_DIGITS = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, '0'));

/** Year, month and day of a day number: the civil-from-days algorithm, pure integer arithmetic. */
function civil(day: number): [year: number, month: number, dayOfMonth: number] {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

// Dates of people fall in 1950–2030: formatted once each (about 29,000 strings), then looked up.
const CACHED_FIRST_DAY = -7_305;
const CACHED_DAYS = 29_220;
const formattedDays: (string | undefined)[] = new Array<string | undefined>(CACHED_DAYS).fill(undefined);

/**
 * Days since 1970-01-01 → ISO date, without Date#toISOString, because the national people
 * generator formats millions of dates.
 */
export function formatDay(day: number): string {
  const slot = day - CACHED_FIRST_DAY;
  if (slot >= 0 && slot < CACHED_DAYS) {
    const cached = formattedDays[slot];
    if (cached !== undefined) return cached;
  }
  const [y, m, d] = civil(day);
  const text = `${y}-${TWO_DIGITS[m]}-${TWO_DIGITS[d]}`;
  if (slot >= 0 && slot < CACHED_DAYS) formattedDays[slot] = text;
  return text;
}

/** Year of a day number, without building a string or a Date. */
export function yearOfDay(day: number): number {
  return civil(day)[0];
}

/**
 * The most days any 18-year span can hold (18 × 365 + 5 leap days): adding it to a birth day always
 * lands on or after the 18th birthday, whatever the leap years.
 */
export const DAYS_IN_18_YEARS_AT_MOST = 18 * 365 + 5;

/**
 * A keyed permutation of [0, half²): a four-round Feistel network on the two "digits" of the value
 * in base `half`. Feeding it a counter gives identifiers that are unique by construction yet look
 * random, with no set of used values to keep.
 */
export function permute(value: number, half: number, key: number): number {
  let left = Math.floor(value / half);
  let right = value % half;
  for (let round = 0; round < 4; round++) {
    let h = Math.imul(right ^ key, 0x9e3779b1) ^ Math.imul(round + 1, 0x85ebca6b);
    h ^= h >>> 15;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 13;
    const next = (left + ((h >>> 0) % half)) % half;
    left = right;
    right = next;
  }
  return left * half + right;
}

const THREE_DIGITS = Array.from({ length: 1_000 }, (_, n) => String(n).padStart(3, '0'));
const FOUR_DIGITS = Array.from({ length: 10_000 }, (_, n) => String(n).padStart(4, '0'));

/** Zero-padded decimal of a non-negative integer; table lookups for the widths used in hot loops. */
export function padDigits(value: number, width: number): string {
  if (width === 8 && value < 100_000_000) return `${FOUR_DIGITS[Math.floor(value / 10_000)]}${FOUR_DIGITS[value % 10_000]}`;
  if (width === 6 && value < 1_000_000) return `${THREE_DIGITS[Math.floor(value / 1_000)]}${THREE_DIGITS[value % 1_000]}`;
  if (width === 2 && value < 100) return TWO_DIGITS[value] as string;
  return String(value).padStart(width, '0');
}
