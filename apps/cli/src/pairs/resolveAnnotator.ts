import {
  ANNOTATOR_FACTORY,
  PrefoptError,
  type Annotator,
  type AnnotatorFactory,
} from '@prefopt/core';
import type { Container } from 'inversify';

/** `--annotator NAME --annotator-options JSON` → a configured Annotator from the container. */
export function resolveAnnotator(container: Container, name: string, options: unknown): Annotator {
  if (!container.isBound(ANNOTATOR_FACTORY, { name })) {
    throw new PrefoptError(
      'config',
      `unknown annotator '${name}'. Built-ins: contains-word, regex, bigger-number; a third-party one (a reward model) needs --plugin <package or path>.`,
    );
  }
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new PrefoptError(
      'config',
      `--annotator-options must be a JSON object like '{"word":"dog"}', got ${JSON.stringify(options)}.`,
    );
  }
  return container.get<AnnotatorFactory>(ANNOTATOR_FACTORY, { name })(
    options as Record<string, unknown>,
  );
}
