/** Traditional Chinese (Taiwan and Hong Kong usage) read as simplified, so one lexicon serves both scripts. */
import * as OpenCC from 'opencc-js';

const fromTaiwan = OpenCC.Converter({ from: 'tw', to: 'cn' });
const fromHongKong = OpenCC.Converter({ from: 'hk', to: 'cn' });

export function toSimplified(text: string): string {
  return /\p{Script=Han}/u.test(text) ? fromHongKong(fromTaiwan(text)) : text;
}
