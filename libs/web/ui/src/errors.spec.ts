import { CombinedError } from 'urql';
import { initI18n, switchLanguage } from '@second-look/web-i18n';
import { fieldErrors, reasonText } from './errors';

/** A refusal as urql hands it to a form. */
const refused = (details: Record<string, unknown>) => new CombinedError({ graphQLErrors: [{ message: 'Some fields are not valid.', extensions: { code: 'VALIDATION_FAILED', details } }] });

describe('the words a form shows for a refused field', () => {
  beforeAll(() => initI18n('en'));
  afterAll(() => switchLanguage('en'));

  it('words each field by the reason the API gives, in the reader’s language', async () => {
    const error = refused({ problems: ['name must be shorter…'], field: 'newHolder.name', reason: 'TOO_LONG', fields: { 'newHolder.name': 'TOO_LONG', sentOn: 'NOT_A_DATE', feeCents: 'TOO_SMALL' } });
    expect(fieldErrors(error)).toEqual({
      'newHolder.name': 'This is too long. Please make it shorter.',
      sentOn: 'Please enter a real date.',
      feeCents: 'This number is too small.',
    });
    await switchLanguage('es');
    expect(fieldErrors(error)['sentOn']).toBe('Por favor, escriba una fecha real.');
    await switchLanguage('en');
  });

  it('prefers the form’s own message for a field, and says "check this" for a reason it has no words for', () => {
    const error = refused({ field: 'feeCents', reason: 'TOO_SMALL', fields: { feeCents: 'TOO_SMALL', viewId: 'INVALID' } });
    expect(fieldErrors(error, { feeCents: 'Enter the fee, like 25.00' })).toEqual({ feeCents: 'Enter the fee, like 25.00', viewId: 'Please check this.' });
  });

  it('words a rule of ours that names its field and reason, and reads the older shapes as before', () => {
    expect(fieldErrors(refused({ field: 'videoLink', reason: 'NOT_HTTPS_LINK' }))).toEqual({ videoLink: 'Please enter a web address that starts with https://' });
    expect(reasonText(refused({ field: 'videoLink', reason: 'NOT_HTTPS_LINK' }))).toBe('Please enter a web address that starts with https://');
    expect(fieldErrors(refused({ field: 'date' }))).toEqual({ date: 'Please check this.' });
    expect(fieldErrors(refused({ email: 'email must be an email' }))).toEqual({ email: 'Please check this.' });
    expect(fieldErrors(refused({ field: 'outcome', reason: 'NOT_A_STATE_VECTOR' }))).toEqual({ outcome: 'Please check this.' });
  });
});
