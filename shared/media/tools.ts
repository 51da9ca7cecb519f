import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import { access, chmod, copyFile, mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { MediaError } from './errors.js';
import { toolTimeoutMs } from './limits.js';

export type ToolName = 'ffmpeg' | 'ffprobe';

const installerPackages: Record<ToolName, string> = {
  ffmpeg: '@ffmpeg-installer/ffmpeg',
  ffprobe: '@ffprobe-installer/ffprobe',
};

const resolved = new Map<ToolName, Promise<string>>();

/** Path of an executable copy of the bundled binary (resolved once per process). */
export function toolPath(tool: ToolName): Promise<string> {
  let path = resolved.get(tool);
  if (!path) {
    path = ensureExecutable(installedBinary(tool));
    path.catch(() => resolved.delete(tool));
    resolved.set(tool, path);
  }
  return path;
}

function installedBinary(tool: ToolName): string {
  const require = createRequire(import.meta.url);
  try {
    return (require(installerPackages[tool]) as { path: string }).path;
  } catch (error) {
    throw new Error(`${tool} binary is not installed (${installerPackages[tool]}): ${(error as Error).message}`, { cause: error });
  }
}

/**
 * Makes sure `path` can be executed by this process. Package managers that skip install scripts
 * leave the bundled binaries without the execute bit: then the file is chmod-ed in place, or,
 * on a read-only file system (Cloud Functions), copied to the temp directory and chmod-ed there.
 */
export async function ensureExecutable(path: string): Promise<string> {
  if (await isExecutable(path)) return path;
  try {
    await chmod(path, 0o755);
    if (await isExecutable(path)) return path;
  } catch {
    // read-only install: fall through to a private copy
  }
  const dir = join(tmpdir(), 'media-tools');
  const target = join(dir, basename(path));
  if (await isExecutable(target)) return target;
  try {
    await mkdir(dir, { recursive: true });
    const partial = `${target}.${process.pid}.partial`;
    await copyFile(path, partial);
    await chmod(partial, 0o755);
    await rename(partial, target);
  } catch (error) {
    throw new Error(`${path} is not executable and could not be made executable: ${(error as Error).message}`, { cause: error });
  }
  if (!(await isExecutable(target))) throw new Error(`${path} is not executable, nor is its copy ${target}`);
  return target;
}

async function isExecutable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export interface ToolRun {
  stdout: Buffer;
  stderr: string;
}

export interface ToolOptions {
  /** Defaults to MEDIA_TOOL_TIMEOUT_MS; the process is killed (SIGKILL) past it. */
  timeoutMs?: number;
  /** Largest stdout accepted; the process is killed beyond it. */
  maxOutputBytes?: number;
}

const DEFAULT_MAX_OUTPUT_BYTES = 256 * 1024 * 1024;

/**
 * Runs a bundled tool with arguments (no shell). Resolves with its output when it exits with 0.
 * A non-zero exit rejects with MediaError 'corrupt' carrying the tool's last stderr line;
 * running out of time rejects with 'timeout', too much output with 'too-large'. A tool that
 * cannot start rejects with a plain Error (an installation problem, not the content's).
 */
export async function runTool(tool: ToolName, args: string[], options: ToolOptions = {}): Promise<ToolRun> {
  const executable = await toolPath(tool);
  const timeoutMs = options.timeoutMs ?? toolTimeoutMs();
  return new Promise((resolve, reject) => {
    execFile(
      executable,
      args,
      {
        encoding: 'buffer',
        timeout: timeoutMs,
        killSignal: 'SIGKILL',
        maxBuffer: options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES,
        windowsHide: true,
      },
      (error, stdout, stderrBytes) => {
        const stderr = stderrBytes.toString('utf8');
        if (!error) return resolve({ stdout, stderr });
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') {
          return reject(new MediaError('too-large', `${tool} output exceeds ${options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES} bytes`));
        }
        if (error.killed) return reject(new MediaError('timeout', `${tool} did not finish within ${timeoutMs} ms`));
        if (typeof code === 'string') return reject(new Error(`${tool} could not be started: ${error.message}`, { cause: error }));
        const status = error.signal ? `killed by ${error.signal}` : `exit code ${String(code)}`;
        return reject(new MediaError('corrupt', `${tool} failed: ${summarize(stderr) || status}`));
      },
    );
  });
}

/** The tool's distinct stderr lines, joined and capped, as a readable reason. */
function summarize(stderr: string): string {
  const lines = [
    ...new Set(
      stderr
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l !== '' && !l.startsWith('Last message repeated')),
    ),
  ];
  const text = lines.join('; ');
  return text.length > 500 ? `${text.slice(0, 497)}...` : text;
}

/** Runs `work` in a new private temp directory and always removes the directory afterwards. */
export async function withTempDir<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'media-'));
  try {
    return await work(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Writes `data` to a private temp file, runs `work` with its path, and always removes it. */
export async function withTempFile<T>(data: Uint8Array, fileName: string, work: (path: string) => Promise<T>): Promise<T> {
  return withTempDir(async (dir) => {
    const path = join(dir, fileName);
    await writeFile(path, data);
    return work(path);
  });
}
