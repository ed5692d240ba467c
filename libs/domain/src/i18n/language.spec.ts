import { isLanguage, languageFromAcceptLanguage } from './language';

describe('languageFromAcceptLanguage', () => {
  it.each([
    [undefined, 'en'],
    ['', 'en'],
    ['es-US', 'es'],
    ['es-MX,es;q=0.9,en;q=0.8', 'es'],
    ['en-US,en;q=0.9,es;q=0.8', 'en'],
    ['fr-FR,es;q=0.5,en;q=0.4', 'es'],
    ['fr-FR,de;q=0.5', 'en'],
    ['en;q=0.2,es;q=0.7', 'es'],
    ['es;q=0,en', 'en'],
    ['ES', 'es'],
  ])('%p gives %p', (header, expected) => {
    expect(languageFromAcceptLanguage(header)).toBe(expected);
  });
});

describe('isLanguage', () => {
  it('knows en and es only', () => {
    expect(isLanguage('en')).toBe(true);
    expect(isLanguage('es')).toBe(true);
    expect(isLanguage('fr')).toBe(false);
    expect(isLanguage(null)).toBe(false);
  });
});
