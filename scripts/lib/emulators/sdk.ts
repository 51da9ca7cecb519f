import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, realpathSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';

const FALLBACK_SDK_ROOT = '/usr/lib/google-cloud-sdk';

export const INSTALL_JAVA = 'install a Java runtime (17 or newer), e.g. `apt-get install -y openjdk-17-jre-headless`';
const INSTALL_COMPONENTS =
  '`gcloud components install cloud-firestore-emulator pubsub-emulator`, or with the Google Cloud apt repository ' +
  '`apt-get install -y google-cloud-cli-firestore-emulator google-cloud-cli-pubsub-emulator`';

let cachedRoot: string | undefined;

/**
 * The Google Cloud SDK root. Derived from where the `gcloud` on PATH really lives (fast), then
 * `gcloud info` (slow, about a second), then the Debian package location.
 */
export function sdkRoot(): string {
  if (cachedRoot) return cachedRoot;
  const gcloud = findOnPath('gcloud');
  if (gcloud) {
    const besideBinary = dirname(dirname(realpathSync(gcloud)));
    if (existsSync(join(besideBinary, 'platform'))) return (cachedRoot = besideBinary);
    try {
      const reported = execFileSync(gcloud, ['info', '--format=value(installation.sdk_root)'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
        timeout: 15_000,
      }).trim();
      if (reported && existsSync(reported)) return (cachedRoot = reported);
    } catch {
      // fall back to the package location
    }
  }
  return (cachedRoot = FALLBACK_SDK_ROOT);
}

export function firestoreJar(): string {
  const jar = join(sdkRoot(), 'platform', 'cloud-firestore-emulator', 'cloud-firestore-emulator.jar');
  if (!existsSync(jar)) {
    throw new Error(`Firestore emulator not found (looked for ${jar}). Install it: ${INSTALL_COMPONENTS}.`);
  }
  return jar;
}

export function pubsubJar(): string {
  const lib = join(sdkRoot(), 'platform', 'pubsub-emulator', 'lib');
  const jar = existsSync(lib)
    ? readdirSync(lib).find((name) => name.startsWith('cloud-pubsub-emulator-') && name.endsWith('-all.jar'))
    : undefined;
  if (!jar) {
    throw new Error(`Pub/Sub emulator not found (looked for ${lib}/cloud-pubsub-emulator-*-all.jar). Install it: ${INSTALL_COMPONENTS}.`);
  }
  return join(lib, jar);
}

/** The java executable: $JAVA_HOME/bin/java if set, else `java` on PATH. */
export function javaExecutable(): string {
  const home = process.env.JAVA_HOME;
  if (home && existsSync(join(home, 'bin', 'java'))) return join(home, 'bin', 'java');
  const onPath = findOnPath('java');
  if (!onPath) throw new Error(`Java is not installed (no \`java\` on PATH, JAVA_HOME unset): ${INSTALL_JAVA}.`);
  return onPath;
}

function findOnPath(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, command))) return join(dir, command);
  }
  return undefined;
}
