/**
 * Launches Debian's headless Chromium through playwright-core with the flags that work on a
 * machine without a GPU (WebGL in software via SwiftShader). Fails with install instructions
 * when the browser or the CJK fonts are missing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags: headless, no sandbox (root), no network chatter, WebGL through ANGLE on SwiftShader. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

/** Throws a message saying how to install what is missing. */
export function checkBrowserPrerequisites(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}. Install it with: apt-get install -y chromium (or set CHROMIUM_PATH).`);
  }
  let fonts = '';
  try {
    fonts = execFileSync('fc-list', [':lang=zh-tw', 'family'], { encoding: 'utf8' });
  } catch {
    fonts = '';
  }
  if (!/Noto Sans CJK/i.test(fonts)) {
    throw new Error('The Noto CJK fonts are missing, so Chinese labels cannot render. Install them with: apt-get install -y fonts-noto-cjk');
  }
}

export async function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  checkBrowserPrerequisites();
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

/**
 * One browser for the whole test file: launched before its first test, closed after its last.
 * Returns a getter (the browser exists only once `beforeAll` has run).
 */
export function sharedBrowser(extraArgs: string[] = []): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser(extraArgs);
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('sharedBrowser: the browser is launched in beforeAll; call the getter inside a test or hook');
    return browser;
  };
}
