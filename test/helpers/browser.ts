import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium (installed by .ci/run); override with CHROMIUM_PATH. */
export const chromiumPath = () => process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface HeadlessBrowser {
  browser: Browser;
  close(): Promise<void>;
}

/**
 * Headless Chromium with every background connection switched off, so the browser itself talks
 * to nothing but the pages the test opens on loopback (playwright gives it a fresh profile).
 */
export async function launchChromium(): Promise<HeadlessBrowser> {
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-default-apps',
      '--disable-extensions',
      '--metrics-recording-only',
    ],
  });
  return {
    browser,
    close: () => browser.close(),
  };
}
