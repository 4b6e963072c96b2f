/**
 * How long and how big each bench section runs. `BENCH_SMOKE=1` (the test suite's smoke run) runs every
 * section for about a second on small sizes: it proves the bench works, its figures mean nothing.
 */
const smoke = process.env.BENCH_SMOKE === '1';

export const bench = {
  smoke,
  /** Seconds per load run. */
  seconds: Number(process.env.BENCH_SECONDS ?? (smoke ? 1 : 10)),
  /** Process launches per cold-start figure (the median is reported). */
  launches: smoke ? 1 : 7,
  /** Flights seeded for the large-network search. */
  largeNetworkFlights: smoke ? 300 : 20_000,
  /** Conversations in flight at once, and conversations created for the memory figure. */
  concurrentConversations: smoke ? 4 : 20,
  conversationsForMemory: Number(process.env.BENCH_CONVERSATIONS ?? (smoke ? 8 : 2_000)),
  /**
   * Conversations started per second in the memory run: steady traffic the retention can keep up with (the
   * timer retires ~3 a second here), as the target is about; 0 runs it as a closed loop at full speed.
   */
  conversationsPerSecond: Number(process.env.BENCH_CONVERSATIONS_PER_SECOND ?? (smoke ? 0 : 2)),
  /** BENCH_ONLY=conversations,durable runs only those sections (startup, search, network, conversations, durable, understanding). */
  only: process.env.BENCH_ONLY?.split(',').map((name) => name.trim()).filter(Boolean),
};

/** True when the section runs in this bench run. */
export const runs = (section: 'startup' | 'search' | 'network' | 'conversations' | 'durable' | 'understanding'): boolean => !bench.only?.length || bench.only.includes(section);
