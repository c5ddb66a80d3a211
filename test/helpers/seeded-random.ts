/** A small deterministic generator for tests on random data, so a failure can be replayed: next(max) is 0..max-1. */
export function seededRandom(seed: number): (max: number) => number {
  let state = seed;
  return (max: number) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return Math.floor(state / 65536) % max;
  };
}
