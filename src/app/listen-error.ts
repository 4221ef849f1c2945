/** The port Klaxon was told to listen on is taken or not allowed; the message says what to change. */
export class PortUnavailableError extends Error {
  override name = 'PortUnavailableError';
}

/** Turns node's EADDRINUSE/EACCES from `listen` into a sentence an operator can act on. */
export function describeListenError(error: unknown, port: number, host: string): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EADDRINUSE') {
    return new PortUnavailableError(
      `port ${port} on ${host} is already in use (another Klaxon, or another program). ` +
        'Stop it, or set PORT to a free port, e.g. PORT=3001 npm start',
    );
  }
  if (code === 'EACCES') {
    return new PortUnavailableError(
      `not allowed to listen on port ${port} on ${host}. Set PORT to a port above 1023, e.g. PORT=3000`,
    );
  }
  return error;
}
