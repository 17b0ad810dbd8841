import { build } from 'esbuild';

/**
 * Bundles a benchmark module for a browser page. It is run with page.evaluate (the DevTools
 * protocol is not bound by the page's script policy) and leaves its exports on globalThis.bench.
 */
export async function pageBundle(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'bench',
    platform: 'browser',
    target: 'chrome120',
    alias: {
      'wxt/browser': './tests/bench/browser/no-browser.ts',
      'wxt/utils/storage': './tests/bench/browser/no-browser.ts',
    },
    footer: { js: 'globalThis.bench = bench;' },
    logLevel: 'error',
  });
  return result.outputFiles[0]!.text;
}
