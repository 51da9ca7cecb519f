export interface RunningEmulator {
  /** Firestore, Pub/Sub: host:port; Storage: http://host:port */
  host: string;
  /** saves state if a data dir was given, then ends the process group */
  stop(): Promise<void>;
}
