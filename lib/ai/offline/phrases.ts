import { isWordChar } from './normalise';

export interface Match<T> {
  start: number;
  end: number;
  phrase: string;
  value: T;
}

/**
 * A phrase table matched longest-first, left to right, without overlaps. Phrases are lower case;
 * Latin phrases only match whole words, Chinese ones anywhere.
 */
export class PhraseTable<T> {
  private readonly byFirstChar = new Map<string, { phrase: string; value: T }[]>();

  constructor(entries: Iterable<readonly [phrase: string, value: T]>) {
    for (const [raw, value] of entries) {
      const phrase = raw.toLowerCase();
      const first = phrase[0];
      if (first === undefined) continue;
      const list = this.byFirstChar.get(first) ?? [];
      list.push({ phrase, value });
      this.byFirstChar.set(first, list);
    }
    for (const list of this.byFirstChar.values()) list.sort((a, b) => b.phrase.length - a.phrase.length);
  }

  /** The longest phrase starting exactly at `index` of the lower-cased text. */
  matchAt(lower: string, index: number): Match<T> | undefined {
    const candidates = this.byFirstChar.get(lower[index] ?? '');
    if (!candidates) return undefined;
    for (const { phrase, value } of candidates) {
      if (!lower.startsWith(phrase, index)) continue;
      const end = index + phrase.length;
      if (isWordChar(phrase[0]) && isWordChar(lower[index - 1])) continue;
      if (isWordChar(phrase[phrase.length - 1]) && isWordChar(lower[end])) continue;
      return { start: index, end, phrase, value };
    }
    return undefined;
  }

  scan(lower: string): Match<T>[] {
    const matches: Match<T>[] = [];
    for (let index = 0; index < lower.length; ) {
      const match = this.matchAt(lower, index);
      if (match) {
        matches.push(match);
        index = match.end;
      } else {
        index += 1;
      }
    }
    return matches;
  }

  first(lower: string): Match<T> | undefined {
    return this.scan(lower)[0];
  }

  /** The longest phrase that `lower` ends with (at a word boundary for Latin phrases). */
  endingAt(lower: string): Match<T> | undefined {
    let best: Match<T> | undefined;
    for (const list of this.byFirstChar.values()) {
      for (const { phrase, value } of list) {
        if (best && phrase.length <= best.phrase.length) continue;
        const start = lower.length - phrase.length;
        if (start < 0 || !lower.endsWith(phrase)) continue;
        if (isWordChar(phrase[0]) && isWordChar(lower[start - 1])) continue;
        best = { start, end: lower.length, phrase, value };
      }
    }
    return best;
  }
}
