/** A file the import will not read, with the reason told to the blogger; nothing has been stored. */
export class ImportRefusedError extends Error {
  override name = 'ImportRefusedError';
}
