import { DomainError } from '../errors/domain-error';
import { assertWebLink, isWebLink } from './web-link';

describe('web links', () => {
  it.each(['https://portal.example.org/records', 'https://example.org', 'https://example.org:8443/a?b=c#d'])('accepts %s', (v) => {
    expect(isWebLink(v, ['https:'])).toBe(true);
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'http://portal.example.org',
    'https://user:pass@example.org',
    'https://exa mple.org',
    'https://example.org/\u0000',
    '//example.org',
    'portal.example.org',
    'https://',
  ])('refuses %s where only https: is allowed', (v) => {
    expect(isWebLink(v, ['https:'])).toBe(false);
  });

  it('allows http: only where asked', () => {
    expect(isWebLink('http://meet.example.org/room', ['https:', 'http:'])).toBe(true);
    expect(isWebLink('javascript:alert(1)', ['https:', 'http:'])).toBe(false);
  });

  it('lets an empty value mean "none" and names the field of a bad one', () => {
    expect(() => assertWebLink('', 'portalUrl', ['https:'], 'bad')).not.toThrow();
    expect(() => assertWebLink('javascript:alert(1)', 'portalUrl', ['https:'], 'bad')).toThrow(DomainError);
    try {
      assertWebLink('javascript:alert(1)', 'portalUrl', ['https:'], 'bad');
    } catch (e) {
      expect((e as DomainError).details).toEqual({ field: 'portalUrl', reason: 'NOT_HTTPS_LINK' });
    }
  });
});
