/** The CLI as a library: `main(argv, io?)` runs one `prefopt` invocation and returns its exit code. */
export { main } from './main';
