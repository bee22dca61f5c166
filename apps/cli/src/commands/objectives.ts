import { booleanFlag } from '../args/flagReaders';
import { describeObjectiveFactories } from '../objectives/describeObjectiveFactories';
import { formatObjectiveListings } from '../objectives/formatObjectiveListings';
import type { Command } from './Command';

/** `prefopt objectives`: every objective available (bundled and --plugin), with its options. */
export const objectives: Command = {
  name: 'objectives',
  summary: 'list the objectives available, whether they need a reference model, and their options',
  usage: 'prefopt objectives [--json] [--plugin <package or path>]…',

  async run(args, { io, registry }) {
    const json = booleanFlag(args, 'json');
    const factories = (await registry()).list('objective').map((e) => e.value);
    const listings = describeObjectiveFactories(factories);
    io.stdout.write(
      json ? `${JSON.stringify(listings, null, 2)}\n` : formatObjectiveListings(listings),
    );
  },
};
