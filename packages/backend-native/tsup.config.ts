import { packageConfig } from '../../tsup.base';

// shims: import.meta.url in the CJS build (the addon is located relative to the module).
export default packageConfig({ shims: true });
