/** The emulator addresses handed from the global setup to every test worker. */
export interface EmulatorHosts {
  firestoreHost: string;
  pubsubHost: string;
  storageHost: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    emulatorHosts: EmulatorHosts;
    /** folder the workers record their Firestore query shapes in (see shared/gcp/query-shapes.ts) */
    queryLogDir: string;
  }
}
