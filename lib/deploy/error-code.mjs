// Plain JavaScript: the database connection and the secret, which plain Node scripts load, use it too.

/**
 * The system's code for a failed file operation (`EROFS`, `EACCES`…), for messages that say why.
 * @param {unknown} error
 */
export function errorCode(error) {
  return error instanceof Error && 'code' in error ? String(error.code) : String(error);
}
