#!/usr/bin/env bash
# Gives this Debian bookworm machine a WebGPU adapter without a GPU: Mesa 25's lavapipe
# (software Vulkan) from bookworm-backports. Bookworm's own Mesa 22 lavapipe gives Dawn
# no adapter. Then checks that Dawn (the `webgpu` npm package) sees it.
#
#   sudo tools/webgpu-lavapipe.sh          # install + check (needs root and network)
#   sudo tools/webgpu-lavapipe.sh --test   # … and run the webgpu backend specs on it
#
# Exits 0 with an adapter, 1 otherwise (not bookworm, not root, apt failed, no adapter).
# Select the driver explicitly with VK_DRIVER_FILES=/usr/share/vulkan/icd.d/lvp_icd.json
# where a machine has other Vulkan drivers too. See docs/backends.md.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! grep -q 'VERSION_CODENAME=bookworm' /etc/os-release 2>/dev/null; then
  echo "webgpu-lavapipe: not Debian bookworm; install a Vulkan driver (Mesa >= 24 lavapipe or a GPU's) yourself." >&2
  exit 1
fi
if [ "$(id -u)" != 0 ]; then
  echo "webgpu-lavapipe: run as root (apt-get)." >&2
  exit 1
fi
if [ ! -f /usr/share/vulkan/icd.d/lvp_icd.json ] || ! dpkg-query -W -f='${Version}' mesa-vulkan-drivers 2>/dev/null | grep -q bpo12; then
  # bookworm-backports from the same mirror the machine's own Debian sources use.
  mirror=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
  [ -n "$mirror" ] || mirror=$(awk '$1 == "deb" && $3 == "bookworm" {print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)
  if [ -z "$mirror" ]; then
    echo "webgpu-lavapipe: no Debian mirror found in /etc/apt sources." >&2
    exit 1
  fi
  echo "deb $mirror bookworm-backports main" > /etc/apt/sources.list.d/bookworm-backports.list
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    -t bookworm-backports mesa-vulkan-drivers libvulkan1
fi
echo "webgpu-lavapipe: mesa-vulkan-drivers $(dpkg-query -W -f='${Version}' mesa-vulkan-drivers)"

export VK_DRIVER_FILES="${VK_DRIVER_FILES:-/usr/share/vulkan/icd.d/lvp_icd.json}"
node --input-type=module -e "
import { create } from 'webgpu';
const adapter = await create([]).requestAdapter();
if (!adapter) { console.error('webgpu-lavapipe: Dawn found no adapter'); process.exit(1); }
console.log('webgpu-lavapipe: adapter', adapter.info.description || adapter.info.device);
" 2> >(grep -v 'artificially reduced' >&2)

if [ "${1:-}" = "--test" ]; then
  npx vitest run --project backend-webgpu
fi
