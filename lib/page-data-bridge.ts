/**
 * The bridge between a page's own JavaScript globals (main world) and the isolated content
 * script. Back offices render from globals such as `window.__crm_card_data__`, which a
 * single-page app keeps current after the inline <script> that first set them is stale.
 *
 * The isolated side dispatches a DOM event naming the global; the main-world script
 * (entrypoints/page-data.content.ts) answers synchronously with the value as a JSON string. The
 * answer is page-controlled data like any other: size-capped and validated (lib/content-checks.ts), parsed as
 * JSON (never run), and read by adapters through defensive path getters.
 */
import { isGlobalName, isPageDataAnswer, MAX_PAGE_DATA } from './content-checks';

export const PAGE_DATA_REQUEST = 'buyerbook:page-data-request';
export const PAGE_DATA_RESPONSE = 'buyerbook:page-data-response';


/**
 * Ask the main world for a global's value. Undefined when no bridge answers (Node/jsdom, a page
 * the main-world script does not run on) or the value is absent or not JSON-serialisable.
 */
export function requestPageGlobal(doc: Document, name: string): unknown {
  const view = doc.defaultView;
  if (!view || !isGlobalName(name)) return undefined;
  let answer: unknown;
  let open = true;
  // Only an answer given during our own synchronous dispatch counts.
  const onAnswer = (e: Event) => {
    if (open && answer === undefined) answer = (e as CustomEvent).detail;
  };
  doc.addEventListener(PAGE_DATA_RESPONSE, onAnswer);
  try {
    doc.dispatchEvent(new view.CustomEvent(PAGE_DATA_REQUEST, { detail: name }));
  } finally {
    open = false;
    doc.removeEventListener(PAGE_DATA_RESPONSE, onAnswer);
  }
  if (!isPageDataAnswer(answer)) return undefined;
  try {
    return JSON.parse(answer);
  } catch {
    return undefined;
  }
}

/** The main-world half: answer requests with JSON of the named global. */
export function servePageGlobals(doc: Document, win: Record<string, unknown>): void {
  doc.addEventListener(PAGE_DATA_REQUEST, (e) => {
    const name = (e as CustomEvent).detail;
    if (!isGlobalName(name)) return;
    let value: unknown = win;
    for (const part of String(name).split('.')) {
      value = value != null && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
    }
    if (value === undefined || typeof value === 'function') return;
    let json: string | undefined;
    try {
      json = JSON.stringify(value);
    } catch {
      return; // cyclic or exotic: the inline-script reading is the fallback
    }
    if (json === undefined || json.length > MAX_PAGE_DATA) return;
    doc.dispatchEvent(new CustomEvent(PAGE_DATA_RESPONSE, { detail: json }));
  });
}
