/** A path whose percent-escapes do not decode to UTF-8 (`/ops/%E0%A4%A`). */
export function hasMalformedEncoding(path: string): boolean {
  try {
    decodeURIComponent(path);
    return false;
  } catch {
    return true;
  }
}

/** The path to match routes with: a malformed escape kept as a literal, so the route (and its error envelope) is still found. */
export function routablePath(path: string): string {
  return hasMalformedEncoding(path) ? path.replace(/%/g, '%25') : path;
}
