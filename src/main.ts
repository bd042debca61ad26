/**
 * The process entry point. A signal can come while the modules load (about a second; a cancelled rollout): the
 * modules are therefore imported only after a handler for it is in place. Imported statically, they all loaded before
 * any line here ran, and SIGTERM killed the process (exit 143; as PID 1 in a container the signal was ignored until
 * docker's SIGKILL). The assistant itself is src/app/run-assistant.ts.
 */

// Nothing is open yet (no database, no port), so there is nothing to finish: stop at once, as a clean stop.
const stopWhileLoading = () => process.exit(0);
process.once('SIGINT', stopWhileLoading);
process.once('SIGTERM', stopWhileLoading);

import('./app/run-assistant.js')
  .then(({ runAssistant }) =>
    runAssistant({
      // Its graceful shutdown takes over once its logger is up.
      takeOverSignals() {
        process.off('SIGINT', stopWhileLoading);
        process.off('SIGTERM', stopWhileLoading);
      },
    }),
  )
  .catch((error: unknown) => {
    process.stderr.write(`The assistant could not start: ${(error as Error)?.stack ?? error}\n`);
    process.exit(1);
  });
