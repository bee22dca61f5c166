export { ipo } from './ipo';
export { ipoModule } from './ipoModule';
