import { understand } from '../lib/ai/offline/understanding';
import { corpus, utterances } from '../tests/assistant/corpus';
import { bench } from './settings';

/** The offline planner's language understanding over the scenario corpus: microseconds per message after warm-up. */
export function benchUnderstanding(): { messages: number; microsecondsPerMessage: number } {
  const now = new Date();
  const texts = utterances(corpus).map((u) => u.text.replace('{ref}', 'K7Q2MX'));
  for (const text of texts) understand(text, { now });
  const rounds = bench.smoke ? 2 : 50;
  const started = performance.now();
  for (let round = 0; round < rounds; round++) for (const text of texts) understand(text, { now });
  const microsecondsPerMessage = Math.round(((performance.now() - started) * 1000) / (rounds * texts.length));
  return { messages: texts.length, microsecondsPerMessage };
}
