/**
 * Spanish for choosing the language of the patient library's words and of a record request's
 * letters, apart from the language of the screens (see en-library-language.ts).
 */
export const libraryLanguageEs = {
  /** Each language named in itself, as on the English screens. */
  name: {
    en: 'English',
    es: 'Español',
  },
  scriptLabel: 'Mostrar las palabras en',
  scriptHelp: 'Elija el idioma que habla su médico. Puede ser distinto del idioma de las pantallas.',
  questionsLabel: 'Mostrar las preguntas sugeridas en',
  questionsHelp: 'Elija el idioma que habla su médico.',
  letterLabel: 'Idioma de la carta',
  letterHelp: 'Casi todas las oficinas de expedientes médicos leen inglés. Si cambia el idioma, la carta se escribe de nuevo.',
  lettersIn: 'Cartas en {{language}}',
  changeLetter: 'Cambiar',
  changeLetterLabel: 'Cambiar el idioma de las cartas para {{holder}}',
  letterChangeHelp: 'La próxima carta que descargue estará en este idioma. Una carta ya guardada en el otro idioma no se pierde: vuelve si cambia de nuevo el idioma.',
  letterChanged: 'Se cambió el idioma de las cartas.',
};
