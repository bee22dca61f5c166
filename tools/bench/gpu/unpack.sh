#!/usr/bin/env bash
# Unpacks a prepared .gpubench folder (tools/bench/gpu/prepare.sh) into DIR: DIR/node,
# DIR/prefopt.mjs, DIR/node_modules/webgpu/… with dawn.node decompressed. Uses xz, or Python's
# lzma where xz is missing (the device machine has Python 3 but maybe no xz).
#   bash tools/bench/gpu/unpack.sh .gpubench DIR
set -euo pipefail
src=$1
dir=$2
[ -f "$src/node.xz" ] || {
  echo "gpu/unpack: $src/node.xz missing: run bash tools/bench/gpu/prepare.sh here first, and carry .gpubench" >&2
  exit 1
}
unxz_to() { # unxz_to FILE.xz OUT
  if command -v xz >/dev/null; then
    xz -dc "$1" >"$2"
  else
    python3 -c 'import lzma, shutil, sys; shutil.copyfileobj(lzma.open(sys.argv[1]), open(sys.argv[2], "wb"))' "$1" "$2"
  fi
}
mkdir -p "$dir/node_modules/webgpu/dist/linux-x64"
unxz_to "$src/node.xz" "$dir/node"
chmod +x "$dir/node"
cp "$src/prefopt.mjs" "$dir/"
cp "$src/node_modules/webgpu/index.js" "$src/node_modules/webgpu/package.json" "$dir/node_modules/webgpu/"
unxz_to "$src/node_modules/webgpu/dist/linux-x64/dawn.node.xz" "$dir/node_modules/webgpu/dist/linux-x64/dawn.node"
echo "$dir"
