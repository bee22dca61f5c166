#!/usr/bin/env bash
# The Python reference stack (PyTorch 2.x CPU, transformers, TRL, PEFT, tokenizers, TensorBoard)
# in tools/reference/.venv, from pip's configured index / find-links only (no model hub).
# Specs that compare with it find it through @prefopt/testing's referencePython() and skip
# with a printed reason where it is absent. Idempotent; exits 0 with one line when pip cannot.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
venv="${PREFOPT_VENV:-$here/.venv}"
py="${PYTHON:-python3}"
reqs=(torch==2.13.0+cpu transformers==5.18.0 trl==1.13.0 peft tokenizers safetensors tensorboard)
if [ -x "$venv/bin/python" ] && "$venv/bin/python" -c 'import torch, transformers, trl, peft, tokenizers, safetensors, tensorboard' 2>/dev/null; then
  echo "reference venv: $venv (ready)"; exit 0
fi
command -v "$py" >/dev/null || { echo "reference venv: no $py; Python-backed specs will skip."; exit 0; }
"$py" -m venv "$venv" 2>/dev/null || { echo "reference venv: '$py -m venv' failed (Debian: apt-get install python3-venv); Python-backed specs will skip."; exit 0; }
# pip's configured extra indexes are local; an unreachable default index only adds retries.
extra=()
for u in $(pip config get global.extra-index-url 2>/dev/null); do extra+=(--extra-index-url "$u"); done
if [ ${#extra[@]} -gt 0 ]; then
  idx=(--index-url "${extra[1]}" "${extra[@]:2}")
else
  idx=()
fi
if "$venv/bin/pip" install -q --retries 1 "${idx[@]}" "${reqs[@]}" >"$venv/pip.log" 2>&1; then
  echo "reference venv: $venv (installed ${reqs[*]})"
else
  echo "reference venv: pip could not install ${reqs[*]} (see $venv/pip.log); Python-backed specs will skip."
fi
exit 0
