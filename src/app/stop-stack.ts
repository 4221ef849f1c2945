/**
 * What a start sequence has started so far, each with its stop. A failure half-way runs the stops in reverse
 * order, so a busy port or a refused token never leaves DynamoDB Local's Java process or the local Slack
 * stand-in running behind an exited (or, worse, a hanging) process.
 */
export function createStopStack(onStopError: (error: unknown) => void) {
  const stops: Array<() => unknown> = [];
  return {
    defer(stop: () => unknown): void {
      stops.push(stop);
    },
    async stopAll(): Promise<void> {
      for (let stop = stops.pop(); stop; stop = stops.pop()) {
        try {
          await stop();
        } catch (error) {
          // Keep stopping the rest: one stuck resource must not keep the others alive.
          onStopError(error);
        }
      }
    },
  };
}
export type StopStack = ReturnType<typeof createStopStack>;
