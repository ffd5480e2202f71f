export const DATABASE = Symbol('Database');
