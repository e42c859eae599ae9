import { describe, expect, it } from 'vitest';
import { after, before, near, NON_PERSONAL_NUMBER } from './context.ts';

describe('context windows', () => {
  it('never cut a word at the window edge', () => {
    const text = 'Please contact the dpo 555 0100';
    const i = text.indexOf('555');
    // A window of 3 would cut "dpo" to "po"; the partial word is dropped instead.
    expect(before(text, i, 3)).toBe(' ');
    expect(near(text, i, i + 3, NON_PERSONAL_NUMBER, 3)).toBe(false);
    expect(after('555 Toronto', 3, 3)).toBe(' ');
    expect(after('555 Toronto', 3, 20)).toBe(' toronto');
    expect(before('order 12', 6, 20)).toBe('order ');
  });
});
