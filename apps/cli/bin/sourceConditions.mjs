// A module.register() resolve hook for running from a checkout: workspace packages resolve with
// the `@prefopt/source` export condition (their src/index.ts), as tsconfig's customConditions,
// vitest and `node --conditions=@prefopt/source` do. Without it, Node would load their dist/.
export async function resolve(specifier, context, nextResolve) {
  const conditions = [...context.conditions, '@prefopt/source'];
  return nextResolve(specifier, { ...context, conditions });
}
