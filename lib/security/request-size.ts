/** Next refuses larger server-action bodies too, but only with a bare "Internal Server Error". */
export const maxRequestBytes = 1024 * 1024;

/** The refusal for a request whose declared body is too large, or undefined to let it through. */
export function refuseOversizedRequest(headers: Headers): Response | undefined {
  const length = Number(headers.get('content-length') ?? 0);
  if (!(length > maxRequestBytes)) return undefined;
  return new Response('This submission is too large to be accepted (over 1 MB). Please shorten it and try again.\n', {
    status: 413,
    headers: { 'content-type': 'text/plain; charset=utf-8', connection: 'close' },
  });
}
