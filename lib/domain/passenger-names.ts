
const honorifics = /(先生|女士|小姐|太太|夫人|老师|同学)$|^(mr|mrs|ms|miss|mx|dr|prof)\.?\s+/iu;
const han = /\p{Script=Han}/u;

function latinTokens(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean);
}

function pinyinTokens(name: string): string[] {
  const { pinyin } = require('pinyin-pro') as typeof import('pinyin-pro'); // loaded on the first Han name, not at start
  return pinyin(name, { toneType: 'none', type: 'array', surname: 'head' }).map((syllable) => syllable.toLowerCase().replace(/ü/g, 'v'));
}

/** The forms a name can be found by, each between bars: `|张三|zhang san|zhangsan|san zhang|`. */
export function nameSearchKey(name: string): string {
  const forms = new Set<string>();
  const clean = name.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
  forms.add(clean.replace(/\s/g, ''));
  const tokenSets = [latinTokens(clean)];
  if (han.test(clean)) tokenSets.push(pinyinTokens(clean.replace(/\s/g, '')));
  for (const tokens of tokenSets) {
    if (!tokens.length) continue;
    forms.add(tokens.join(' '));
    forms.add(tokens.join(''));
    forms.add([...tokens].sort().join(' '));
  }
  return `|${[...forms].join('|')}|`;
}

export interface NameQuery {
  terms: string[];
  /** The query was a surname with an honorific (李先生): match the start of a name only. */
  surnameOnly: boolean;
}

/**
 * Search terms for a typed name: case- and space-insensitive, Latin names in either order,
 * honorifics stripped (李先生 → names starting with 李), pinyin bridging scripts (zhang san → 张三).
 */
export function nameQuery(query: string): NameQuery {
  const trimmed = query.normalize('NFKC').trim();
  const stripped = trimmed.replace(honorifics, '').trim() || trimmed;
  const surnameOnly = stripped !== trimmed;
  const compact = stripped.toLowerCase().replace(/\s+/g, '');
  if (han.test(stripped)) return { terms: [surnameOnly ? `|${compact}` : compact], surnameOnly };
  const tokens = latinTokens(stripped);
  // A Latin surname is a whole word at either end of a name form: Li finds Li Wei and John Li, not Zhao Liu.
  const word = tokens.join(' ');
  if (surnameOnly) return { terms: word ? [`|${word} `, ` ${word}|`, `|${word}|`] : [], surnameOnly };
  return { terms: [...new Set([tokens.join(' '), [...tokens].sort().join(' '), compact])].filter(Boolean), surnameOnly };
}

/** Possible surnames of a name as written: first or last word of a Latin name, first one or two characters of a Chinese one. */
export function surnamesOf(name: string): Set<string> {
  const clean = name.normalize('NFKC').trim().toLowerCase();
  const surnames = new Set<string>();
  if (han.test(clean)) {
    const chars = [...clean.replace(/\s/g, '')];
    surnames.add(chars[0]!);
    if (chars.length >= 3) surnames.add(chars.slice(0, 2).join(''));
    const syllables = pinyinTokens(chars.join(''));
    surnames.add(syllables[0]!);
    if (chars.length >= 3) surnames.add(syllables.slice(0, 2).join(''));
  }
  const tokens = latinTokens(clean);
  if (tokens.length) {
    surnames.add(tokens[0]!);
    surnames.add(tokens[tokens.length - 1]!);
  }
  return surnames;
}

/**
 * True when `lastName` is a surname of any of the names (case, spacing and script insensitive): 李 finds
 * Li Lei too, as a traveller booked under the pinyin of a passport types their surname in characters.
 */
export function surnameMatches(names: string[], lastName: string): boolean {
  const wanted = lastName.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, '');
  if (!wanted) return false;
  const forms = han.test(wanted) ? [wanted, pinyinTokens(wanted).join('')] : [wanted];
  return names.some((name) => {
    const surnames = surnamesOf(name);
    return forms.some((form) => surnames.has(form));
  });
}
