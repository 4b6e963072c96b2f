/** A clock the test moves by hand, for timers and lease expiry without waiting. */
export function manualClock(start = Date.parse('2026-03-01T08:00:00Z')) {
  let now = start;
  return {
    now: () => new Date(now),
    advance(ms: number) {
      now += ms;
    },
  };
}
