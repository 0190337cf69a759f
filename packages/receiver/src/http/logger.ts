/** One structured log line. Never carries IP addresses or message contents. */
export interface LogEntry {
  level: 'info' | 'warn' | 'error';
  msg: string;
  [field: string]: string | number | boolean | null | undefined;
}

export type Logger = (entry: LogEntry) => void;

/** JSON lines on a writable stream (stdout by default), with an ISO timestamp. */
export function jsonLogger(write: (line: string) => void = (line) => process.stdout.write(line)): Logger {
  return (entry) => write(`${JSON.stringify({ time: new Date().toISOString(), ...entry })}\n`);
}

export const silentLogger: Logger = () => {};
