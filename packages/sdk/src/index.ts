// Public API of @messenger-optin/sdk. Named exports only; see README.md for each.
export { encodeText } from './encode.js';
