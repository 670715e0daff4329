/**
 * npm run extract -- <page.html> --url <address> [--tz Area/City] [--raw]
 *
 * Prints the capture of a saved page as JSON, in the shape of shared/fixtures/README.md, so an
 * adapter author can check a page they saved. A time the page shows without a zone is read in
 * the machine's zone, as the browser would; --tz sets it (the zone the page was saved in).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { url: { type: 'string' }, tz: { type: 'string' }, raw: { type: 'boolean', default: false } },
});

const file = positionals[0];
if (!file || !values.url) {
  console.error('usage: npm run extract -- <page.html> --url <address> [--tz Area/City] [--raw]');
  process.exit(2);
}
// Must be set before the first Date is made: Node reads TZ lazily.
if (values.tz) process.env.TZ = values.tz;

const { extractHtml } = await import('./extract-node');
let html: string;
try {
  html = readFileSync(file, 'utf8');
} catch (e) {
  console.error(`cannot read ${file}: ${(e as Error).message}`);
  process.exit(1);
}
const { raw, capture } = extractHtml(html, values.url);
console.log(JSON.stringify(values.raw ? raw : capture, null, 2));
