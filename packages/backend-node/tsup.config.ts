import { packageConfig } from '../../tsup.base';

// shims: import.meta.url (used to resolve installed packages) works in the CJS build too.
export default packageConfig({ shims: true });
