/** Structured JSON logs in the shape Cloud Logging reads from stdout/stderr. */
import { format } from 'node:util';

export type Severity = 'DEBUG' | 'INFO' | 'NOTICE' | 'WARNING' | 'ERROR' | 'CRITICAL';

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  critical(message: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
}

const order: Record<Severity, number> = { DEBUG: 0, INFO: 1, NOTICE: 2, WARNING: 3, ERROR: 4, CRITICAL: 5 };

function threshold(): number {
  const level = (process.env.LOG_LEVEL ?? 'INFO').toUpperCase() as Severity;
  return order[level] ?? order.INFO;
}

function serialize(value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  return value;
}

export function createLogger(base: Record<string, unknown> = {}): Logger {
  const write = (severity: Severity, message: string, fields?: Record<string, unknown>) => {
    if (order[severity] < threshold()) return;
    const entry: Record<string, unknown> = { severity, message, time: new Date().toISOString(), ...base };
    for (const [k, v] of Object.entries(fields ?? {})) entry[k] = serialize(v);
    const line = JSON.stringify(entry) + '\n';
    if (order[severity] >= order.WARNING) process.stderr.write(line);
    else process.stdout.write(line);
  };
  return {
    debug: (m, f) => write('DEBUG', m, f),
    info: (m, f) => write('INFO', m, f),
    warn: (m, f) => write('WARNING', m, f),
    error: (m, f) => write('ERROR', m, f),
    critical: (m, f) => write('CRITICAL', m, f),
    child: (fields) => createLogger({ ...base, ...fields }),
  };
}

export const log = createLogger();

let consoleRouted = false;

/**
 * Makes what libraries print (pdf-lib's and pdf.js's console output, functions-framework's own
 * lines, Node's process warnings) structured log lines with a severity, like ours. Called once by
 * each process entry point (deployed functions, the relay, `npm start`).
 */
export function routeConsoleToLog(): void {
  if (consoleRouted) return;
  consoleRouted = true;
  const library = createLogger({ source: 'console' });
  const line =
    (write: (message: string) => void) =>
    (...args: unknown[]) =>
      write(format(...args));
  console.debug = line((m) => library.debug(m));
  console.log = line((m) => library.info(m));
  console.info = line((m) => library.info(m));
  console.warn = line((m) => library.warn(m));
  console.error = line((m) => library.error(m));
  console.trace = line((m) => library.debug(m, { stack: new Error('trace').stack }));
  // Node's default listener prints warnings as plain text
  process.removeAllListeners('warning');
  process.on('warning', (warning) => library.warn(warning.message, { warning: warning.name, code: (warning as { code?: string }).code }));
}
