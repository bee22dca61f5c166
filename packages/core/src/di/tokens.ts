/**
 * Service identifier for the composition root (apps/cli): its inversify container binds the
 * one Registry (built by createRegistry from every plugin manifest) under this.
 * `Symbol.for` keeps it equal across copies of @prefopt/core.
 */
export const REGISTRY = Symbol.for('prefopt.Registry');
