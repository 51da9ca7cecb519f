import { EmulatorChild, answersOk, waitUntilReady } from './child.js';
import { LOOPBACK, freePort } from './ports.js';
import { INSTALL_JAVA, javaExecutable } from './sdk.js';

const READY_TIMEOUT_MS = 60_000;
const PORT_ATTEMPTS = 3;

/** Options that shorten JVM start-up; the emulators are short-lived and small. */
const JVM_OPTIONS = ['-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', '-Xshare:auto'];

export interface JavaEmulator {
  child: EmulatorChild;
  port: number;
}

/**
 * Starts a Java emulator on a free loopback port and waits until `GET /` answers. `args(port)`
 * gives the emulator's own arguments. If another process took the port in between, tries a new one.
 */
export async function startJavaEmulator(name: string, javaArgs: (port: number) => string[]): Promise<JavaEmulator> {
  const java = javaExecutable();
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const child = new EmulatorChild({
      name,
      command: java,
      args: [...JVM_OPTIONS, ...javaArgs(port)],
      missingCommandHint: INSTALL_JAVA,
    });
    try {
      await waitUntilReady(child, () => answersOk(`http://${LOOPBACK}:${port}/`), READY_TIMEOUT_MS);
      return { child, port };
    } catch (error) {
      const portTaken = child.outputIncludes('Address already in use') || child.outputIncludes('BindException');
      if (!portTaken || attempt >= PORT_ATTEMPTS) throw error;
    }
  }
}
