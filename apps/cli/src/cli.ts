import { main } from './main';

// Process entry: run, set the exit code, let pending output flush.
process.exitCode = await main(process.argv.slice(2));
