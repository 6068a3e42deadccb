import { isInside } from '../../../runtime/paths';

describe('isInside', () => {
  it.each([
    ['/p/cdktf.out', '/p/cdktf.out', true],
    ['/p/cdktf.out/stacks/dev', '/p/cdktf.out', true],
    ['/p/cdktf.out/..state.tfstate', '/p/cdktf.out', true],
    ['/p/cdktf.out.staging', '/p/cdktf.out', false],
    ['/p/state.tfstate', '/p/cdktf.out', false],
    ['/elsewhere/state.tfstate', '/p', false],
  ])('%s in %s: %s', (path, dir, inside) => {
    expect(isInside(path, dir)).toBe(inside);
  });
});
