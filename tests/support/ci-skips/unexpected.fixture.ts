import { describe, expect, it } from 'vitest';

describe.skipIf(true)('a browser test without its browser', () => {
  it('would render a page', () => expect(true).toBe(true));
});
