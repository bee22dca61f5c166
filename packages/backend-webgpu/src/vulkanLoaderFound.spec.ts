import { describe, expect, it } from 'vitest';
import { vulkanLoaderFound } from './vulkanLoaderFound';

describe('vulkanLoaderFound', () => {
  const none = () => false;
  const emptyCache = () => '';

  it('is true off Linux (Metal, D3D12 need no Vulkan loader)', () => {
    expect(vulkanLoaderFound('darwin', {}, none, emptyCache)).toBe(true);
    expect(vulkanLoaderFound('win32', {}, none, emptyCache)).toBe(true);
  });

  it('finds libvulkan.so.1 in LD_LIBRARY_PATH, a usual folder, or the linker cache', () => {
    const at = (dir: string) => (p: string) => p === `${dir}/libvulkan.so.1`;
    expect(
      vulkanLoaderFound('linux', { LD_LIBRARY_PATH: '/opt/vk:/x' }, at('/opt/vk'), emptyCache),
    ).toBe(true);
    expect(vulkanLoaderFound('linux', {}, at('/usr/lib/x86_64-linux-gnu'), emptyCache)).toBe(true);
    expect(
      vulkanLoaderFound('linux', {}, none, () => '\0libvulkan.so.1\0/usr/lib/libvulkan.so.1'),
    ).toBe(true);
  });

  it('is false when there is none, or the cache cannot be read', () => {
    expect(vulkanLoaderFound('linux', {}, none, () => '\0libc.so.6\0')).toBe(false);
    const unreadable = () => {
      throw new Error('ENOENT');
    };
    expect(vulkanLoaderFound('linux', {}, none, unreadable)).toBe(false);
  });
});
