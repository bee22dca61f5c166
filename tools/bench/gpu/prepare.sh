#!/usr/bin/env bash
# Prepares, on this machine, what the GPU bench needs on a device machine that has no Node and
# no package registry (Python 3 + CUDA PyTorch only): writes the gitignored folder .gpubench/
#   node.xz                       this machine's Node 20 linux-x64 binary (or NODE_BIN=path), xz
#   prefopt.mjs                   the prefopt CLI as one esbuild bundle (tfjs, the webgpu backend,
#                                 every @prefopt package; tfjs-node and native addons left out)
#   node_modules/webgpu/          the `webgpu` package's loader + Dawn's dawn.node (xz)
#   debs/                         the Vulkan loader (libvulkan1) for a machine without one
# and checks the result: unpacks it into a scratch folder, runs `prefopt backends` with the
# bundled Node, and measures the total against the device tool's 64 MiB working-tree limit.
#
#   bash tools/bench/gpu/prepare.sh            # from the repository root (or anywhere)
#   NODE_BIN=/path/to/node bash tools/bench/gpu/prepare.sh
#
# Then see tools/bench/gpu/README.md for the device call. Exits 1 with a one-line reason.
set -euo pipefail
cd "$(dirname "$0")/../../.."
root=$PWD
dest=$root/.gpubench
limit=$((60 * 1024 * 1024)) # leave room under 64 MiB for the tracked tree (~4 MiB)
die() {
  echo "gpu/prepare: $*" >&2
  exit 1
}

node_bin=${NODE_BIN:-$(command -v node || true)}
[ -x "$node_bin" ] || die "no node binary (set NODE_BIN=/path/to/node, Node 20 linux-x64)"
version=$("$node_bin" -p 'process.version + " " + process.platform + "-" + process.arch')
case "$version" in
  v20.*" linux-x64") ;;
  *) die "$node_bin is $version; the device machine needs Node 20 linux-x64 (set NODE_BIN)" ;;
esac
webgpu=$root/node_modules/webgpu
[ -f "$webgpu/dist/linux-x64/dawn.node" ] || die "node_modules/webgpu has no linux-x64 dawn.node: run npm ci first"
esbuild=$root/node_modules/.bin/esbuild
[ -x "$esbuild" ] || die "node_modules/.bin/esbuild missing: run npm ci first"
command -v xz >/dev/null || die "xz missing (apt-get install xz-utils)"

rm -rf "$dest"
mkdir -p "$dest/node_modules/webgpu/dist/linux-x64" "$dest/debs"
echo "gpu/prepare: node $version from $node_bin → .gpubench/node.xz"
xz -T0 -6 -c "$node_bin" >"$dest/node.xz"

echo "gpu/prepare: bundling apps/cli/src/cli.ts → .gpubench/prefopt.mjs"
# createRequire banner: bundled CommonJS (tfjs) calls require() for Node built-ins.
"$esbuild" apps/cli/src/cli.ts --bundle --platform=node --format=esm --target=node20 \
  --conditions=@prefopt/source \
  --external:webgpu --external:@tensorflow/tfjs-node --external:@tensorflow/tfjs-node-gpu \
  --external:'*.node' --log-level=error \
  --banner:js="import{createRequire as __cr}from'module';const require=__cr(import.meta.url);" \
  --outfile="$dest/prefopt.mjs"

cp "$webgpu/index.js" "$webgpu/package.json" "$dest/node_modules/webgpu/"
xz -T0 -6 -c "$webgpu/dist/linux-x64/dawn.node" >"$dest/node_modules/webgpu/dist/linux-x64/dawn.node.xz"

# The Vulkan loader, for a device image without one (the device README's recipe, amd64 lists in
# /tmp so this machine's own apt state is untouched). Optional: a machine that has
# libvulkan.so.1 needs none.
if command -v apt-get >/dev/null; then
  o='-oAPT::Architecture=amd64 -oAPT::Architectures=amd64 -oDir::State::Lists=/tmp/amd64'
  mkdir -p /tmp/amd64/partial
  # shellcheck disable=SC2086
  if apt-get $o update -qq >/dev/null 2>&1 && (cd "$dest/debs" && apt-get $o download libvulkan1 >/dev/null 2>&1); then
    echo "gpu/prepare: Vulkan loader $(ls "$dest/debs")"
  else
    echo "gpu/prepare: could not download libvulkan1 (no apt network); the device must have libvulkan.so.1" >&2
  fi
fi

echo "gpu/prepare: checking the bundle with the bundled node (unpacked into a scratch folder)"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
bash tools/bench/gpu/unpack.sh "$dest" "$scratch" >/dev/null
(cd "$scratch" && ./node prefopt.mjs backends 2>&1 | grep -v 'artificially reduced') ||
  die "the bundled CLI did not run (see above)"

total=$(du -sb "$dest" | cut -f1)
tracked=$(git ls-files -z | du -cb --files0-from=- | tail -1 | cut -f1)
mib() { awk -v b="$1" 'BEGIN { printf "%.1f MiB", b / 1048576 }'; }
echo "gpu/prepare: .gpubench is $(mib "$total") (node.xz $(mib "$(stat -c %s "$dest/node.xz")"), bundle $(mib "$(stat -c %s "$dest/prefopt.mjs")"), dawn.node.xz $(mib "$(stat -c %s "$dest/node_modules/webgpu/dist/linux-x64/dawn.node.xz")")); tracked files $(mib "$tracked"); device limit 64 MiB"
[ "$total" -le "$limit" ] || die ".gpubench is over 60 MiB; it and the tracked tree must fit in 64 MiB"
echo "gpu/prepare: ready. Device call: see tools/bench/gpu/README.md"
