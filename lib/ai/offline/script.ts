/** Traditional Chinese (Taiwan and Hong Kong usage) read as simplified, so one lexicon serves both scripts. */
import type * as OpenCC from 'opencc-js';

let converters: ((text: string) => string)[] | undefined;

/** opencc-js and its dictionaries load with the first Chinese message, not at start (cold start). */
function simplifiers(): ((text: string) => string)[] {
  if (!converters) {
    const { Converter } = require('opencc-js') as typeof OpenCC;
    converters = [Converter({ from: 'tw', to: 'cn' }), Converter({ from: 'hk', to: 'cn' })];
  }
  return converters;
}

export function toSimplified(text: string): string {
  return /\p{Script=Han}/u.test(text) ? simplifiers().reduce((converted, convert) => convert(converted), text) : text;
}
