/**
 * DOM reading helpers shared by every adapter. They read only what the seller can see:
 * hidden nodes (display:none, [hidden], <template>, aria-hidden popovers) are skipped, because
 * real back offices keep other buyers, quick-reply templates and colleagues' addresses there.
 */

const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'svg', 'SVG', 'HEAD', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'BUTTON']);
const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE',
  'SECTION', 'TABLE', 'TBODY', 'TD', 'TH', 'TR', 'UL',
]);

/** True when the element, or an ancestor, is not rendered. */
export function isHidden(el: Element | null): boolean {
  const view = el?.ownerDocument?.defaultView;
  for (let e: Element | null = el; e; e = e.parentElement) {
    if (e.tagName === 'TEMPLATE' || e.hasAttribute('hidden')) return true;
    if (e.getAttribute('aria-hidden') === 'true') return true;
    const inline = (e as HTMLElement).style;
    if (inline && (inline.display === 'none' || inline.visibility === 'hidden')) return true;
  }
  if (el && view && typeof view.getComputedStyle === 'function') {
    // One computed-style read per ancestor: stylesheets hide popovers and dropdowns by class.
    for (let e: Element | null = el; e; e = e.parentElement) {
      const cs = view.getComputedStyle(e);
      if (cs.display === 'none' || cs.visibility === 'hidden') return true;
    }
  }
  return false;
}

/** Collapse white space (including non-breaking and full-width spaces) and trim. */
export function clean(s: string | null | undefined): string {
  return (s ?? '').replace(/[\s\u00a0\u3000\u200b]+/g, ' ').trim();
}

/**
 * The text a person sees in `el`, with line breaks between blocks. Hidden subtrees are skipped,
 * and so are subtrees matching `skip` (e.g. quoted replies inside a mail body).
 */
export function visibleText(el: Element | null, skip?: string): string {
  if (!el || isHidden(el)) return '';
  const out: string[] = [];
  const walk = (node: Node): void => {
    for (let n = node.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 3) {
        out.push((n as Text).data);
      } else if (n.nodeType === 1) {
        const e = n as Element;
        if (SKIP_TAGS.has(e.tagName)) continue;
        if (isHiddenSelf(e) || (skip && e.matches(skip))) continue;
        const block = BLOCK_TAGS.has(e.tagName);
        if (block) out.push('\n');
        walk(e);
        if (block) out.push('\n');
      }
    }
  };
  walk(el);
  return out
    .join('')
    .split('\n')
    .map((l) => clean(l))
    .filter(Boolean)
    .join('\n');
}

function isHiddenSelf(e: Element): boolean {
  if (e.hasAttribute('hidden') || e.getAttribute('aria-hidden') === 'true') return true;
  const inline = (e as HTMLElement).style;
  if (inline && (inline.display === 'none' || inline.visibility === 'hidden')) return true;
  const view = e.ownerDocument?.defaultView;
  if (view && typeof view.getComputedStyle === 'function') {
    const cs = view.getComputedStyle(e);
    if (cs.display === 'none' || cs.visibility === 'hidden') return true;
  }
  return false;
}

/** Single-line visible text of an element, or null when empty. */
export function textOf(el: Element | null | undefined): string | null {
  if (!el) return null;
  const t = clean(visibleText(el));
  return t || null;
}

/** First element matching any of the selectors (tried in order) that is visible. */
export function first(root: ParentNode, ...selectors: string[]): Element | null {
  for (const sel of selectors) {
    let list: NodeListOf<Element>;
    try {
      list = root.querySelectorAll(sel);
    } catch {
      continue; // a bad selector must not break the capture
    }
    for (const el of Array.from(list)) if (!isHidden(el)) return el;
  }
  return null;
}

/** All visible elements matching the selector. */
export function all(root: ParentNode, selector: string): Element[] {
  try {
    return Array.from(root.querySelectorAll(selector)).filter((e) => !isHidden(e));
  } catch {
    return [];
  }
}

/** Text of the first visible match of any selector. */
export function textAt(root: ParentNode, ...selectors: string[]): string | null {
  return textOf(first(root, ...selectors));
}

const COLON = /\s*[:：]\s*$/;
const HAN_GAP = /([\u3040-\u30ff\u3400-\u9fff])\s+(?=[\u3040-\u30ff\u3400-\u9fff])/g;

/**
 * A label as compared: white space collapsed, the padding Chinese back offices put inside a label
 * removed ("电&nbsp;&nbsp;话：", "邮　箱：" -> "电话", "邮箱"), a trailing colon (half or full
 * width) or required-star dropped, "Country / Region" spaced like "Country/Region", lower case.
 */
export function normLabel(s: string): string {
  return clean(s)
    .replace(/^\*\s*/, '')
    .replace(/\s*\*$/, '')
    .replace(COLON, '')
    .replace(/\s*\*$/, '')
    .replace(HAN_GAP, '$1')
    .replace(/\s*([/／])\s*/g, '/')
    .replace('／', '/')
    .toLowerCase();
}

/**
 * The value beside a label ("Email", "邮箱", "Country/Region", "国家/地区"), the way back offices
 * lay out key/value rows: <dt>/<dd>, <th>/<td>, label span + value span, or "Label: value" in one
 * element. Labels match whole (case-insensitive, trailing colon or full-width colon ignored).
 */
export function labelValue(root: ParentNode, labels: string[]): string | null {
  const el = labelValueElement(root, labels);
  if (!el) return null;
  if (el instanceof Object && 'inline' in el) return el.inline;
  return textOf(el as Element);
}

export function labelValueElement(
  root: ParentNode,
  labels: string[],
): Element | { inline: string } | null {
  const wanted = new Set(labels.map(normLabel));
  const candidates = root.querySelectorAll('dt, th, td, label, span, div, p, li, b, strong, em, i');
  for (const el of Array.from(candidates)) {
    // Only leaf-ish elements: the label itself, not a container that happens to start with it.
    if (el.children.length > 2) continue;
    const own = clean(el.textContent);
    if (!own || own.length > 60) continue;
    const n = normLabel(own);
    if (wanted.has(n)) {
      if (isHidden(el)) continue;
      // "<b>邮　箱：</b>li@x.com": the value is the text right after the label.
      const tail = textAfter(el);
      if (tail) return { inline: tail };
      const value = siblingValue(el);
      if (value) return value;
      continue;
    }
    // "Email: x@y.com" in one element.
    const m = /^([^:：]{1,30})[:：]\s*(.+)$/.exec(own);
    if (m?.[1] && wanted.has(normLabel(m[1])) && el.children.length === 0 && !isHidden(el)) {
      return { inline: clean(m[2]) };
    }
  }
  return null;
}

/** The text nodes right after an element, up to its next element sibling. */
function textAfter(el: Element): string {
  let out = '';
  for (let n = el.nextSibling; n && n.nodeType !== 1; n = n.nextSibling) if (n.nodeType === 3) out += (n as Text).data;
  return clean(out);
}

function siblingValue(label: Element): Element | null {
  let next = label.nextElementSibling;
  while (next && (isHidden(next) || !clean(next.textContent))) next = next.nextElementSibling;
  if (next) return next;
  // Label wrapped in its own cell: the value is the parent's next sibling.
  const parent = label.parentElement;
  if (parent && parent.children.length === 1) {
    let pn = parent.nextElementSibling;
    while (pn && (isHidden(pn) || !clean(pn.textContent))) pn = pn.nextElementSibling;
    if (pn) return pn;
  }
  return null;
}

/** Attribute of the first visible match. */
export function attrAt(root: ParentNode, selector: string, attr: string): string | null {
  const el = first(root, selector);
  const v = el?.getAttribute(attr);
  return v ? clean(v) || null : null;
}
