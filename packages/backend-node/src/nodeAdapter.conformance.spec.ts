import { describeBackend } from '@prefopt/testing';
import { nodeAdapter } from './nodeAdapter';

// Op-level conformance against the cpu backend; skips, printing what to install, where
// @tensorflow/tfjs-node is absent (it is not installed in this repository).
describeBackend(nodeAdapter);
