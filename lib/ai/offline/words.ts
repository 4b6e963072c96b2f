/** The Latin words the phrase tables know: none of them is a name or a booking reference. */
import * as lexicon from './lexicon';

const phrases = [
  ...lexicon.intentPhrases.flatMap((group) => group.phrases),
  ...lexicon.replyClauses.flatMap((group) => group.phrases),
  ...[lexicon.relativeDays, lexicon.timeWindows, lexicon.cabins, lexicon.preferences, lexicon.stopLimits, lexicon.seatPreferences, lexicon.optionHints, lexicon.partyPhrases].flatMap(
    (rows) => rows.map(([phrase]) => phrase),
  ),
  ...Object.keys(lexicon.enNumbers),
  ...Object.keys(lexicon.enOrdinals),
  ...lexicon.partyUnits.en,
  ...lexicon.enNameMarkers,
  ...lexicon.enSurnameMarkers,
  ...lexicon.enGivenNameMarkers,
  ...lexicon.enOptionNouns,
  ...lexicon.enOptionPrefixes,
  ...lexicon.referenceCues,
  ...lexicon.reasonMarkers,
  ...lexicon.replyFillers,
  ...lexicon.notTimeWindows,
  ...lexicon.honorifics.en,
  ...lexicon.enNotNames,
  ...lexicon.holdPhrases,
];

/** Lower case; days and months are apart (calendarWords): they may start a name (Sun Qi). */
export const tableWords = new Set(phrases.flatMap((phrase) => phrase.toLowerCase().split(/[^a-z']+/)).filter((word) => word.length > 0));

export const calendarWords = new Set(lexicon.enCalendarWords);
