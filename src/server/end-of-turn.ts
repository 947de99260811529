/**
 * The answers decided in one turn of the event loop, written together at its end. Node runs each
 * socket's callback, and the promises it resolves, before reading the next socket, so a decision
 * was written as soon as it was made, between reading one request and the next. Each write then
 * found its reader (a proxy or client on the same host, over loopback) asleep, and the kernel woke
 * it inside the server's writev: under load that was a third of the server's CPU per request.
 * Awaited by a route after deciding, this holds the answer until the check phase of the turn, when
 * every answer of the turn is sent one after another: the reader is woken once for them all, and
 * the requests it sends back arrive together too. An answer waits at most the rest of its turn;
 * its bytes, headers and log line are unchanged.
 */

let waiting: Promise<void> | null = null;

/** Resolves at the end of this turn of the event loop (its check phase), the same promise for every caller of the turn. */
export function endOfTurn(): Promise<void> {
  return (waiting ??= new Promise((resolve) => {
    setImmediate(() => {
      waiting = null;
      resolve();
    });
  }));
}
