import { PrefoptError, type Annotator, type Registry } from '@prefopt/core';

/**
 * `--annotator NAME --annotator-options JSON` → a configured Annotator from the registry
 * (an unknown name is the registry's error, listing the annotators available).
 */
export function resolveAnnotator(registry: Registry, name: string, options: unknown): Annotator {
  const factory = registry.get('annotator', name);
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new PrefoptError(
      'config',
      `--annotator-options must be a JSON object like '{"word":"dog"}', got ${JSON.stringify(options)}.`,
    );
  }
  return factory(options as Record<string, unknown>);
}
