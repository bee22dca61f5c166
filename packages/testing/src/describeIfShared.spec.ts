import { describe, expect, it } from 'vitest';
import { describeIfShared } from './describeIfShared';

let ran = false;
describeIfShared('material that is never there', ['prefopt-no-such-folder/model.bin'], () => {
  ran = true;
  throw new Error('the suite body ran with undefined paths');
});

describe('describeIfShared', () => {
  it('never runs the suite body when a ../shared path is absent', () => {
    expect(ran).toBe(false);
  });
});
