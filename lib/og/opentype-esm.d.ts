// opentype.js's ES module build: bundlers find it through "module", plain Node (the bench) only by its path.
declare module 'opentype.js/dist/opentype.mjs' {
  export * from 'opentype.js';
}
