// The connection feature's public file: what the activation entry and other features may use
// of it (the border rules in .dependency-cruiser.cjs). Everything else in src/features/connection is private.
export { SignInState } from './signInState';
export { readSignInSettings } from './signInSettings';
