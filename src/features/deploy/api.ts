// The deploy feature's public file: what other features may use of it (the border rule
// feature-private-file in .dependency-cruiser.cjs). Everything else in src/features/deploy is private.
export { modelFrom } from './targets';
