import { PrefoptError, type RecordFormat } from '@prefopt/core';
import { recordFormats } from './recordFormats';

/** The bundled format called `name`, or a config error listing the names there are. */
export function findFormat(
  name: string,
  formats: readonly RecordFormat[] = recordFormats,
): RecordFormat {
  const format = formats.find((f) => f.name === name);
  if (!format) {
    throw new PrefoptError(
      'config',
      `unknown data format '${name}'. Formats: auto, ${formats.map((f) => f.name).join(', ')}.`,
    );
  }
  return format;
}
