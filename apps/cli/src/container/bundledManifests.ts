import { cpuBackendPlugin } from '@prefopt/backend-cpu';
import { nativeBackendPlugin } from '@prefopt/backend-native';
import { nodeBackendPlugin } from '@prefopt/backend-node';
import { nodeGpuBackendPlugin } from '@prefopt/backend-node-gpu';
import { wasmBackendPlugin } from '@prefopt/backend-wasm';
import { webgpuBackendPlugin } from '@prefopt/backend-webgpu';
import type { PluginManifest } from '@prefopt/core';
import { dpoPlugin } from '@prefopt/objective-dpo';
import { dpoVariantsPlugin } from '@prefopt/objective-dpo-variants';
import { ipoPlugin } from '@prefopt/objective-ipo';
import { referenceFreePlugin } from '@prefopt/objective-reference-free';
import { simpoPlugin } from '@prefopt/objective-simpo';
import { unpairedPlugin } from '@prefopt/objective-unpaired';
import { annotatorsPlugin } from '../pairs/annotators/annotatorsPlugin';

/**
 * The manifests of the plugins that ship with prefopt, in listing order (`prefopt objectives`
 * lists dpo, ipo, simpo first). `--backend auto` ranks backends by their own `priority`, not
 * by this order. (`combine` is not listed: it weights other objectives, `--objective 'dpo+0.05*sft'`.)
 */
export function bundledManifests(): PluginManifest[] {
  return [
    dpoPlugin,
    ipoPlugin,
    simpoPlugin,
    dpoVariantsPlugin,
    referenceFreePlugin,
    unpairedPlugin,
    nodeGpuBackendPlugin,
    webgpuBackendPlugin,
    nodeBackendPlugin,
    nativeBackendPlugin,
    wasmBackendPlugin,
    cpuBackendPlugin,
    annotatorsPlugin,
  ];
}
