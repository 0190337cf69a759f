/** Per-request fields that the access log adds to its line. */
export type LogFields = Record<string, string | number | boolean | undefined>;

export interface ReceiverEnv {
  Variables: { log: LogFields };
}
