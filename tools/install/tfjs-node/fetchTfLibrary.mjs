// The TensorFlow C library from pip's tensorflow-cpu wheel: only its two shared libraries
// and the C headers tfjs-node's binding compiles against, laid out as binding.gyp expects
// (deps/include, deps/lib/libtensorflow.so + libtensorflow_framework.so). No Python package
// is installed; the wheel is deleted once unpacked.
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { devNull } from 'node:os';
import { join } from 'node:path';
import { TF_WHEEL } from './paths.mjs';

/** Wheel members kept, as prefixes; `tensorflow/include/X` lands in `deps/include/X`. */
const KEEP = [
  'tensorflow/libtensorflow_cc.so.2',
  'tensorflow/libtensorflow_framework.so.2',
  'tensorflow/include/LICENSE',
  'tensorflow/include/tensorflow/c/',
  'tensorflow/include/tensorflow/core/platform/ctstring',
  'tensorflow/include/tsl/platform/ctstring',
  'tensorflow/include/xla/tsl/c/',
];

const UNPACK_PY = `
import sys, zipfile, os, shutil
wheel, deps, keep = sys.argv[1], sys.argv[2], sys.argv[3].split(',')
with zipfile.ZipFile(wheel) as z:
    for name in z.namelist():
        if name.endswith('/') or not any(name.startswith(k) for k in keep):
            continue
        rel = name[len('tensorflow/include/'):] if name.startswith('tensorflow/include/') else None
        out = os.path.join(deps, 'include', rel) if rel else os.path.join(deps, 'lib', os.path.basename(name))
        os.makedirs(os.path.dirname(out), exist_ok=True)
        with z.open(name) as src, open(out, 'wb') as dst:
            shutil.copyfileobj(src, dst)
`;

/** The Python that runs pip: $PREFOPT_PIP_PYTHON, else python3, else python. */
function findPython(env) {
  for (const py of [env.PREFOPT_PIP_PYTHON, 'python3', 'python'].filter(Boolean)) {
    const r = spawnSync(py, ['-m', 'pip', '--version'], { encoding: 'utf8' });
    if (r.status === 0) return py;
  }
  return undefined;
}

/**
 * pip's arguments and environment: whatever index pip is configured with, or only
 * $PREFOPT_TF_WHEEL_INDEX (an index URL, or a folder of wheels) with pip's own
 * configuration ignored — which is also how to simulate "the wheel is unreachable".
 */
function pipSource(env) {
  const only = env.PREFOPT_TF_WHEEL_INDEX;
  if (!only) return { args: [], env };
  const clean = { ...env, PIP_CONFIG_FILE: devNull };
  for (const k of ['PIP_INDEX_URL', 'PIP_EXTRA_INDEX_URL', 'PIP_FIND_LINKS', 'PIP_NO_INDEX'])
    delete clean[k];
  const folder = existsSync(only) && statSync(only).isDirectory();
  return {
    args: folder ? ['--no-index', '--find-links', only] : ['--index-url', only],
    env: clean,
  };
}

/**
 * Downloads the pinned wheel into `work` and unpacks the library into `deps`. Returns
 * undefined on success, else one line saying why.
 */
export function fetchTfLibrary(work, deps, env = process.env) {
  if (process.platform !== 'linux' || process.arch !== 'x64')
    return `the pip route has a TensorFlow C library for linux-x64 only (this is ${process.platform}-${process.arch})`;
  const python = findPython(env);
  if (!python)
    return 'pip is not installed (python3 -m pip), so the TensorFlow C library cannot be fetched';
  mkdirSync(work, { recursive: true });
  const requirements = join(work, 'requirements.txt');
  writeFileSync(
    requirements,
    `${TF_WHEEL.name}==${TF_WHEEL.version} --hash=sha256:${TF_WHEEL.sha256}\n`,
  );
  const source = pipSource(env);
  const pip = spawnSync(
    python,
    [
      '-m',
      'pip',
      'download',
      '--no-deps',
      '--only-binary=:all:',
      '--python-version',
      '3.11',
      '--platform',
      'manylinux_2_27_x86_64',
      '--require-hashes',
      '--progress-bar',
      'off',
      '-r',
      requirements,
      '-d',
      work,
      ...source.args,
    ],
    { encoding: 'utf8', env: source.env },
  );
  const wheel = readdirSync(work).find((f) => f.endsWith('.whl'));
  if (pip.status !== 0 || !wheel) {
    const err = `${pip.stderr}`
      .split('\n')
      .filter((l) => /ERROR/.test(l))[0]
      ?.replace(/^ERROR:\s*/, '');
    return `pip could not download ${TF_WHEEL.name}==${TF_WHEEL.version} (${err ?? `exit ${pip.status}`})`;
  }
  const unpack = spawnSync(python, ['-c', UNPACK_PY, join(work, wheel), deps, KEEP.join(',')], {
    encoding: 'utf8',
  });
  rmSync(join(work, wheel), { force: true });
  if (unpack.status !== 0)
    return `unpacking ${wheel} failed: ${unpack.stderr.trim().split('\n').pop()}`;
  const lib = join(deps, 'lib');
  // 815 → 606 MB with the same dynamic symbols; optional (strip may be absent).
  spawnSync('strip', [
    '--strip-unneeded',
    join(lib, 'libtensorflow_cc.so.2'),
    join(lib, 'libtensorflow_framework.so.2'),
  ]);
  symlinkSync('libtensorflow_cc.so.2', join(lib, 'libtensorflow.so'));
  symlinkSync('libtensorflow_framework.so.2', join(lib, 'libtensorflow_framework.so'));
  return undefined;
}
