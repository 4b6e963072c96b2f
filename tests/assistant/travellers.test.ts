/**
 * The travellers' corpus (issue 16) through a real host, both halves: the seen half (worked against) and the
 * held-out half (set aside, run once at the end of the work and part of the suite since). Scores are per
 * check, printed per class; each half fails below `minimumScore`. CORPUS_VERBOSE=1 lists the failed checks.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startHost, type TestHost } from '../support/host';
import { heldout } from './travellers/heldout';
import { play, type Check } from './travellers/judge';
import type { Conversation } from './travellers/kinds';
import { seen } from './travellers/seen';

/** The share of checks that must pass: raised as the assistant improves, never lowered. */
const minimumScore = 0.95;

const halves: [name: string, conversations: Conversation[]][] = [['seen', seen], ['held-out', heldout]];

let host: TestHost;
const results = new Map<string, { conversation: Conversation; checks: Check[] }[]>();

beforeAll(async () => {
  host = await startHost();
}, 60_000);

afterAll(async () => {
  await host?.stop();
});

function score(runs: { checks: Check[] }[]): { passed: number; total: number; conversations: number; perfect: number } {
  const checks = runs.flatMap((r) => r.checks);
  return { passed: checks.filter((c) => c.passed).length, total: checks.length, conversations: runs.length, perfect: runs.filter((r) => r.checks.every((c) => c.passed)).length };
}

function byClass<T extends { class: string }>(items: T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(item.class, [...(groups.get(item.class) ?? []), item]);
  return groups;
}

const percent = (passed: number, total: number) => `${((100 * passed) / Math.max(total, 1)).toFixed(1)} %`;

for (const [half, conversations] of halves) {
  describe(`travellers' corpus, ${half} half (${conversations.length} conversations)`, () => {
    const runs: { conversation: Conversation; checks: Check[] }[] = [];
    results.set(half, runs);

    test('covers every class with at least three conversations', () => {
      const perClass = byClass(conversations);
      expect(perClass.size).toBe(12);
      for (const [, list] of perClass) expect(list.length).toBeGreaterThanOrEqual(3);
    });

    test('plays every conversation and scores it by outcome', async () => {
      for (const conversation of conversations) runs.push({ conversation, checks: await play(host, conversation) });
      const lines = [...byClass(runs.map((r) => ({ ...r, class: r.conversation.class })))].map(([cls, list]) => {
        const s = score(list);
        return `  ${cls.padEnd(15)} ${percent(s.passed, s.total).padStart(7)} of ${String(s.total).padStart(3)} checks, ${s.perfect}/${s.conversations} conversations`;
      });
      const all = score(runs);
      console.log(`travellers' corpus, ${half} half: ${all.passed}/${all.total} checks (${percent(all.passed, all.total)}), ${all.perfect}/${all.conversations} conversations fully right\n${lines.join('\n')}`);
      if (process.env.CORPUS_VERBOSE === '1') {
        for (const run of runs) for (const c of run.checks.filter((c) => !c.passed)) console.log(`  FAILED [${run.conversation.class}] ${run.conversation.story} — ${c.name}: ${c.why}`);
      }
      expect(all.passed / all.total).toBeGreaterThanOrEqual(minimumScore);
    }, 600_000);
  });
}
