import { DomainError } from '@second-look/domain';
import { findUnsavableText, RefuseUnsavableTextPipe } from './unsavable-text.pipe';

describe('unsavable text in input', () => {
  it('finds a NUL character or a lone surrogate anywhere in an argument, with its path', () => {
    expect(findUnsavableText('a\u0000b', 'body')).toBe('body');
    expect(findUnsavableText({ triggers: ['ok', 'x\u0000'] }, 'input')).toBe('input.triggers.1');
    expect(findUnsavableText({ email: '\ud800@example.org' }, 'input')).toBe('input.email');
    expect(findUnsavableText({ a: { b: 'fine 🙂 \u202e' }, c: [1, null, true] }, 'input')).toBeNull();
  });

  it('refuses GraphQL arguments and REST input holding one, and leaves the rest alone', () => {
    const pipe = new RefuseUnsavableTextPipe();
    expect(() => pipe.transform({ body: 'a\u0000b' }, { type: 3 as never, data: 'input' })).toThrow(DomainError);
    expect(() => pipe.transform('x\u0000', { type: 'param', data: 'id' })).toThrow(/hidden or broken character/);
    expect(pipe.transform({ body: 'a b' }, { type: 3 as never, data: 'input' })).toEqual({ body: 'a b' });
    // The caller's identity and context (custom decorators) are not input.
    const ctx = { note: 'a\u0000b' };
    expect(pipe.transform(ctx, { type: 'custom', data: undefined })).toBe(ctx);
  });
});
