import type { Language } from './types';

const han = /\p{Script=Han}/u;

/** Any CJK ideograph makes a message Chinese. */
export function detectLanguage(text: string): Language {
  return han.test(text) ? 'zh' : 'en';
}

export interface Normalised {
  /** NFKC (full-width digits, letters and ，！？： become ASCII), one space between words, none next to CJK. */
  text: string;
  /** `text` with ASCII lower-cased: same length, so offsets carry over. */
  lower: string;
}

export function normalise(raw: string): Normalised {
  const text = raw
    .normalize('NFKC')
    .replace(/[‘’`´]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\s+/g, ' ')
    .replace(/(?<=[\p{Script=Han}。、]) | (?=[\p{Script=Han}。、])/gu, '')
    .trim();
  return { text, lower: text.replace(/[A-Z]/g, (letter) => letter.toLowerCase()) };
}

export function isHan(char: string | undefined): boolean {
  return char !== undefined && han.test(char);
}

/** Latin words and digits only match whole: "hi" is not inside "this". */
export function isWordChar(char: string | undefined): boolean {
  return char !== undefined && /[a-z0-9]/i.test(char);
}

/** The text with the spans blanked out (same length), so a later reading skips them: Sun in "for Sun Qi" is no Sunday. */
export function mask({ text, lower }: Normalised, spans: readonly { start: number; end: number }[]): Normalised {
  const blank = (value: string) => spans.reduce((left, { start, end }) => left.slice(0, start) + ' '.repeat(end - start) + left.slice(end), value);
  return { text: blank(text), lower: blank(lower) };
}
