import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { CaseContext } from '../../utils/crm/case-context';

const FIXTURES = path.resolve('tests/fixtures/crm');
const TLS = path.resolve('tests/fixtures/tls');

/** One fixture page of tests/fixtures/crm and what the adapters should read on it. */
export interface CrmFixturePage {
  product: string;
  name: string;
  url: string;
  expected: Omit<CaseContext, 'url'> | null;
}

/** The fixture pages that live at https addresses: the ones a browser can be pointed at here. */
export function crmFixturePages(): CrmFixturePage[] {
  return readdirSync(FIXTURES, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((dir) =>
      readdirSync(path.join(FIXTURES, dir.name))
        .filter((file) => file.endsWith('.json'))
        .map((file) => {
          const meta = JSON.parse(readFileSync(path.join(FIXTURES, dir.name, file), 'utf8'));
          return { product: dir.name, name: file.slice(0, -'.json'.length), url: meta.url, expected: meta.expected };
        }),
    )
    .filter((page) => page.url.startsWith('https://'))
    .sort((a, b) => a.product.localeCompare(b.product) || a.name.localeCompare(b.name));
}

/** The address a request is for, as the fixtures record it: host, path and query, no fragment. */
function addressKey(host: string, pathAndQuery: string): string {
  return `${host.replace(/:\d+$/, '')}${pathAndQuery}`;
}

/**
 * An HTTPS server (self-signed, test-only certificate) that answers for every CRM host: a browser
 * started with `--host-resolver-rules="MAP * 127.0.0.1:<port>"` and `--ignore-certificate-errors`
 * opens each fixture at its real product address. Frames marked `data-fixture-srcdoc` load from
 * the same host, as ServiceNow's main frame does. The pages' own scripts do not run: they are
 * decoys for the adapters, as in the unit tests, which read the same files with scripting off.
 */
export async function startCrmFixtureServer(): Promise<{ port: number; close: () => Promise<void> }> {
  const pages = new Map(
    crmFixturePages().map((page) => {
      const url = new URL(page.url);
      return [addressKey(url.host, `${url.pathname}${url.search}`), page] as const;
    }),
  );
  const server = createServer(
    { key: readFileSync(path.join(TLS, 'key.pem')), cert: readFileSync(path.join(TLS, 'cert.pem')) },
    (req, res) => {
      const host = req.headers.host ?? '';
      const frame = /^\/__fixture-frame\/([a-z-]+)\/([a-z-.]+\.html)$/.exec(req.url ?? '');
      const page = pages.get(addressKey(host, req.url ?? '/'));
      let html: string | null = null;
      if (frame) html = readFileSync(path.join(FIXTURES, frame[1]!, frame[2]!), 'utf8');
      else if (page) {
        html = readFileSync(path.join(FIXTURES, page.product, `${page.name}.html`), 'utf8').replace(
          /data-fixture-srcdoc="([a-z-.]+\.html)"/g,
          (_, file: string) => `src="/__fixture-frame/${page.product}/${file}"`,
        );
      }
      res.writeHead(html === null ? 404 : 200, {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Security-Policy': "script-src 'none'",
      });
      res.end(html ?? 'No fixture at this address');
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
