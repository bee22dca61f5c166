export { ipo } from './ipo';
export { ipoPlugin } from './ipoPlugin';
