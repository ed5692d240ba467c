/**
 * English strings for choosing the language of the patient library's words and of a record
 * request's letters, apart from the language of the screens (a Spanish-reading patient may talk
 * to an English-speaking doctor; a US records office reads English). The words themselves come
 * from the API (libs/domain/src/i18n/patient-library.ts, request-letter-words.ts).
 */
export const libraryLanguageEn = {
  /** Each language named in itself, so a reader finds their own whatever the screen's language. */
  name: {
    en: 'English',
    es: 'Español',
  },
  scriptLabel: 'Show the words in',
  scriptHelp: 'Pick the language your doctor speaks. It can be different from the language of the screens.',
  questionsLabel: 'Show the suggested questions in',
  questionsHelp: 'Pick the language your doctor speaks.',
  letterLabel: 'Language of the letter',
  letterHelp: 'Most records offices read English. Changing the language writes the letter again.',
  lettersIn: 'Letters in {{language}}',
  changeLetter: 'Change',
  changeLetterLabel: 'Change the language of the letters to {{holder}}',
  letterChangeHelp: 'The next letter you download will be in this language. A letter saved in the other language is not lost: it comes back if you switch back.',
  letterChanged: 'The language of the letters was changed.',
};
