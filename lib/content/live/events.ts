import 'server-only';
import { subscribeToContent } from './content-watcher';

const keepAliveMs = 15_000;

/** An event stream of the content state, open until the page that asked goes away. */
export function liveContentEvents(request: Request): Response {
  const { signal } = request;
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => controller.enqueue(encoder.encode(text));
      const unsubscribe = subscribeToContent((state) => send(`data: ${JSON.stringify(state)}\n\n`), new URL(request.url).origin);
      // Comments keep proxies and the browser from closing an idle stream.
      const keepAlive = setInterval(() => send(': keep-alive\n\n'), keepAliveMs);
      signal.addEventListener('abort', () => {
        unsubscribe();
        clearInterval(keepAlive);
        controller.close();
      });
    },
  });
  return new Response(stream, {
    headers: { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache, no-transform', Connection: 'keep-alive' },
  });
}
