export const CONFIGURATION = Symbol('Configuration');
