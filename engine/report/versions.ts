/** The Backprop Studio version a report names in Reproduce (package.json's `version`). */
export const BACKPROP_STUDIO_VERSION = '0.1.0';
