/**
 * The bundled demo inquiry (`npm start`): an invented Alibaba inquiry-detail page and where it
 * lives. It ships in the repo so the demo never depends on the shared fixtures or the network;
 * `alibaba-inquiry.json` is its expectation, in the fixtures' format, checked by
 * tests/e2e/demo.e2e.ts.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

export interface DemoPage {
  url: string;
  platform: string;
  timeZone: string;
  html: string;
  expect: {
    buyer: Record<string, unknown> & { name: string };
    inquiry: Record<string, unknown> & { messageContains?: string[] };
    mustNotContain?: string[];
  };
}

export function loadDemoPage(): DemoPage {
  const meta = JSON.parse(readFileSync(resolve(here, 'alibaba-inquiry.json'), 'utf8'));
  return { ...meta, html: readFileSync(resolve(here, 'alibaba-inquiry.html'), 'utf8') };
}
