import { booleanFlag } from '../args/flagReaders';
import { boundObjectiveNames } from '../objectives/boundObjectiveNames';
import { describeObjectiveFactories } from '../objectives/describeObjectiveFactories';
import { formatObjectiveListings } from '../objectives/formatObjectiveListings';
import { objectiveModules } from '../objectives/objectiveModules';
import { resolveObjectiveFactory } from '../objectives/resolveObjectiveFactory';
import type { Command } from './Command';

/** `prefopt objectives`: every objective available (bundled and --plugin), with its options. */
export const objectives: Command = {
  name: 'objectives',
  summary: 'list the objectives available, whether they need a reference model, and their options',
  usage: 'prefopt objectives [--json] [--plugin <package or path>]…',

  async run(args, { io, container }) {
    const json = booleanFlag(args, 'json');
    const names = await boundObjectiveNames(
      await objectiveModules(args.repeated.plugin ?? [], io.cwd),
    );
    const c = await container();
    const factories = [];
    for (const name of names)
      factories.push(await resolveObjectiveFactory(c, name, async () => names));
    const listings = describeObjectiveFactories(factories);
    io.stdout.write(
      json ? `${JSON.stringify(listings, null, 2)}\n` : formatObjectiveListings(listings),
    );
  },
};
