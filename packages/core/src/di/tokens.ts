/**
 * Service identifiers for the composition root (apps/cli). Plugin packages bind under
 * these, named by the thing's own name: `bind(OBJECTIVE_FACTORY).toConstantValue(dpo).whenNamed('dpo')`.
 * `Symbol.for` keeps them equal across copies of @prefopt/core.
 */
export const OBJECTIVE_FACTORY = Symbol.for('prefopt.ObjectiveFactory');
export const BACKEND_ADAPTER = Symbol.for('prefopt.BackendAdapter');
export const ANNOTATOR_FACTORY = Symbol.for('prefopt.AnnotatorFactory');
