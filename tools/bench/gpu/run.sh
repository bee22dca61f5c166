#!/usr/bin/env bash
# Runs, on the device machine, the PyTorch step on CUDA (tools/bench/torch_step.py --device cuda)
# and prefopt's step on its webgpu backend (Dawn → Vulkan → the GPU) on the same shapes, and
# prints one JSON object and a markdown table (tools/bench/gpu/gpuTable.mjs). Needs the
# .gpubench folder from tools/bench/gpu/prepare.sh (carried); no Node or registry there.
#
#   bash tools/bench/gpu/run.sh [--shapes ref,m25,m110] [--steps 5] [--warmup 2]
#       [--objective simpo] [--device cuda] [--allow-software] [--budget 500] [--out DIR]
#
# PYTHON: the Python with torch (default: tools/reference/.venv/bin/python where it exists,
# else python3). --device cpu runs the PyTorch part on the CPU (a check of this script where there is no GPU).
# The webgpu part refuses a software adapter (llvmpipe/lavapipe, SwiftShader) unless
# --allow-software; with no adapter at all it records a one-line error and goes on.
# Results: DIR/gpu.json, DIR/gpu.md, DIR/lines.jsonl, DIR/log.txt (DIR: --out, else $OUT, else
# /tmp/prefopt-gpubench/out), rewritten after every run, so a cut-off call still returns what
# finished. Each run has a timeout (GPU_BENCH_TIMEOUT seconds, default 240), cut to what is left
# of --budget (seconds for the whole script, default 500: under a 540 s device call).
set -uo pipefail
cd "$(dirname "$0")/../../.."
root=$PWD
shapes=ref,m25,m110
steps=5
warmup=2
objective=simpo
device=cuda
allow_software=0
budget=500
outdir=${OUT:-/tmp/prefopt-gpubench/out}
while [ $# -gt 0 ]; do
  case "$1" in
    --shapes) shapes=$2; shift 2 ;;
    --steps) steps=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --objective) objective=$2; shift 2 ;;
    --device) device=$2; shift 2 ;;
    --allow-software) allow_software=1; shift ;;
    --out) outdir=$2; shift 2 ;;
    --budget) budget=$2; shift 2 ;;
    *) echo "gpu/run: unknown flag $1 (see the header of tools/bench/gpu/run.sh)" >&2; exit 2 ;;
  esac
done
tmo=${GPU_BENCH_TIMEOUT:-240}
work=${GPU_BENCH_WORK:-/tmp/prefopt-gpubench}
py=${PYTHON:-python3} # the device's python3 holds CUDA torch; here tools/reference/.venv's
[ -z "${PYTHON:-}" ] && [ -x tools/reference/.venv/bin/python ] && py=tools/reference/.venv/bin/python
mkdir -p "$outdir"
lines=$outdir/lines.jsonl
log=$outdir/log.txt
: >"$lines"
: >"$log"
say() { echo "gpu/run: $*" | tee -a "$log" >&2; }

bash tools/bench/gpu/unpack.sh "$root/.gpubench" "$work" >/dev/null || exit 1
node=$work/node

# Vulkan: the loader (from .gpubench/debs where the image has none) and NVIDIA's ICD.
if ! ldconfig -p 2>/dev/null | grep -q 'libvulkan.so.1'; then
  if [ "$(id -u)" = 0 ] && ls "$root"/.gpubench/debs/*.deb >/dev/null 2>&1; then
    for f in "$root"/.gpubench/debs/*.deb; do dpkg -x "$f" /; done
    ldconfig
    say "installed the Vulkan loader from .gpubench/debs"
  else
    say "no libvulkan.so.1 here and no loader to install: the webgpu part will find no adapter"
  fi
fi
nv_icd=/usr/local/nvidia/share/vulkan/icd.d/nvidia_icd.json
if [ -z "${VK_DRIVER_FILES:-}" ] && [ -f "$nv_icd" ]; then export VK_DRIVER_FILES=$nv_icd; fi

shape_config() { # shape → "modelConfigJSON seq"
  case "$1" in
    ref) echo '{"dim":256,"hiddenDim":688,"layers":4,"heads":4,"kvHeads":4,"vocab":512,"seqLen":128} 128' ;;
    m25) echo '{"dim":512,"hiddenDim":1376,"layers":6,"heads":8,"kvHeads":8,"vocab":8192,"seqLen":256} 256' ;;
    m110) echo '{"dim":768,"hiddenDim":2048,"layers":12,"heads":12,"kvHeads":12,"vocab":32000,"seqLen":256} 256' ;;
    tiny) echo '{"dim":64,"hiddenDim":172,"layers":2,"heads":4,"kvHeads":4,"vocab":128,"seqLen":32} 32' ;;
    *) return 1 ;;
  esac
}

# record SHAPE IMPL CMD...: runs CMD with a timeout and appends {shape, impl, result|error}.
record() {
  local shape=$1 impl=$2
  shift 2
  local out err rc line left limit
  left=$((budget - SECONDS))
  limit=$((left < tmo ? left : tmo))
  if [ "$limit" -lt 10 ]; then
    "$node" -e 'console.log(JSON.stringify({shape:process.argv[1],impl:process.argv[2],error:process.argv[3]}))' \
      "$shape" "$impl" "not run: the ${budget} s budget is spent" >>"$lines"
    say "$shape $impl: not run (budget spent)"
    return
  fi
  err=$(mktemp)
  out=$(timeout "$limit" "$@" 2>"$err")
  rc=$?
  grep -v 'artificially reduced' "$err" >>"$log"
  line=$(printf '%s\n' "$out" | grep '^{' | tail -1)
  if [ $rc -eq 0 ] && [ -n "$line" ]; then
    printf '{"shape":"%s","impl":"%s","result":%s}\n' "$shape" "$impl" "$line" >>"$lines"
    say "$shape $impl: done"
  else
    local why
    [ $rc -eq 124 ] && why="timed out after ${limit} s" || why=$(grep -v 'artificially reduced' "$err" | grep -v '^\s*$' | tail -2 | tr '\n' ' ' | cut -c1-400)
    "$node" -e 'console.log(JSON.stringify({shape:process.argv[1],impl:process.argv[2],error:process.argv[3]}))' \
      "$shape" "$impl" "exit $rc: $why" >>"$lines"
    say "$shape $impl: failed (exit $rc): $why"
  fi
  rm -f "$err"
  "$node" tools/bench/gpu/gpuTable.mjs "$lines" "$outdir/gpu.json" "$outdir/gpu.md" >/dev/null
}

say "load $(cut -d' ' -f1-3 /proc/loadavg); $(nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader 2>/dev/null || echo 'no nvidia-smi')"

# Which WebGPU adapter Dawn gives (prefopt backends prints its description).
backends=$(cd "$work" && timeout 120 ./node prefopt.mjs backends 2>&1 | grep -v 'artificially reduced')
webgpu_line=$(printf '%s\n' "$backends" | grep '^webgpu ' || true)
say "webgpu adapter: ${webgpu_line:-none}"
adapter=$(printf '%s' "$webgpu_line" | sed -E 's/^webgpu +[0-9]+ +(yes|no) +//')
webgpu_ok=1
if ! printf '%s' "$webgpu_line" | grep -q ' yes '; then
  webgpu_ok=0
  webgpu_why="no WebGPU adapter: Dawn found no Vulkan device${webgpu_line:+ (prefopt backends: webgpu not available)}; on the device machine check ldconfig -p | grep libvulkan and VK_DRIVER_FILES=$nv_icd"
elif [ $allow_software = 0 ] && printf '%s' "$webgpu_line" | grep -qiE 'llvmpipe|lavapipe|swiftshader|software'; then
  webgpu_ok=0
  webgpu_why="the only WebGPU adapter is a software one ($adapter), not a GPU: pass --allow-software to bench it anyway"
fi

IFS=',' read -ra list <<<"$shapes"
for shape in "${list[@]}"; do
  read -r config seq <<<"$(shape_config "$shape")" || { say "unknown shape $shape (ref, m25, m110, tiny)"; exit 2; }
  args=(--model-config "$config" --batch 4 --seq "$seq" --steps "$steps" --warmup "$warmup" --objective "$objective")
  say "$shape: PyTorch on $device ..."
  record "$shape" "pytorch-$device" "$py" tools/bench/torch_step.py "${args[@]}" --device "$device"
  if [ $webgpu_ok = 1 ]; then
    say "$shape: prefopt --backend webgpu ..."
    record "$shape" prefopt-webgpu bash -c 'cd "$0" && exec ./node prefopt.mjs bench "$@" --backend webgpu --json' "$work" "${args[@]}"
  else
    "$node" -e 'console.log(JSON.stringify({shape:process.argv[1],impl:"prefopt-webgpu",error:process.argv[2]}))' "$shape" "$webgpu_why" >>"$lines"
    say "$shape prefopt-webgpu: skipped: $webgpu_why"
  fi
done

"$node" tools/bench/gpu/gpuTable.mjs "$lines" "$outdir/gpu.json" "$outdir/gpu.md"
