import { describe, expect, it } from 'vitest';
import { text } from '../../../shared/schemas/common.js';
import { LearnerInputSchema } from '../../../shared/schemas/learner.js';

describe('free text', () => {
  it.each([
    ['NUL', 'a\u0000b', 'ab'],
    ['other C0 controls and DEL', 'a\u0001\u001Fb\u007F\r', 'ab'],
    ['bidi overrides', '\u202Eevil\u202C.exe', 'evil.exe'],
    ['bidi isolates', '\u2066a\u2067b\u2068c\u2069', 'abc'],
  ])('strips %s', (_name, input, expected) => {
    expect(text(100).parse(input)).toBe(expected);
  });

  it('keeps line feeds, tabs, Chinese and emoji', () => {
    expect(text(100).parse('第一行\n\t第二行 🚁')).toBe('第一行\n\t第二行 🚁');
  });

  it.each([['zero-width spaces', '\u200B\u200B'], ['a BOM and a word joiner', '\uFEFF\u2060'], ['a Hangul filler', '\u3164'], ['controls around zero-width', '\u0000\u200D\u0001']])(
    'rejects text of %s only with a clear message',
    (_name, input) => {
      const parsed = text(100).safeParse(input);

      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0]?.message).toMatch(/invisible characters only/);
    },
  );

  it('names the field of a record whose text is invisible only', () => {
    const parsed = LearnerInputSchema.safeParse({ ref: 'r', summary: '\u200B', skills: ['Excel'], region: '110119', group: 'other', consentToShare: false });

    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join('/'))).toEqual(['summary']);
  });
});
