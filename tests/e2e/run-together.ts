/**
 * Finds texts that run together on screen: two neighbouring children of one element (elements or
 * text) on the same line with no gap between them, a letter or digit on each side ("No backup
 * yetBack up now", "Mark dormantMark lost"). Looks at the laid-out page, so only what the seller
 * sees counts, in any language. Plain JavaScript source, evaluated in the panel.
 */
export const RUN_TOGETHER_SCRIPT = `(() => {
  const SKIP = new Set(['SCRIPT', 'STYLE', 'SELECT', 'OPTION', 'TEXTAREA', 'INPUT', 'svg']);
  const WORD = /[\\p{L}\\p{N}]/u;
  // The glyphs, not the boxes: a button's padding keeps its text apart from its neighbour's.
  const textNodes = (n) => {
    if (n.nodeType === 3) return n.textContent.trim() ? [n] : [];
    const out = [];
    const walker = document.createTreeWalker(n, NodeFilter.SHOW_TEXT);
    for (let t = walker.nextNode(); t; t = walker.nextNode()) if (t.textContent.trim()) out.push(t);
    return out;
  };
  const rects = (t) => {
    const r = document.createRange();
    r.selectNodeContents(t);
    return [...r.getClientRects()].filter((x) => x.width > 0 && x.height > 0);
  };
  const text = (n) => (n.nodeType === 3 ? n.textContent : n.innerText || '').replace(/\\s+/g, ' ').trim();
  const found = [];
  for (const el of document.querySelectorAll('main *, .app > *')) {
    if (SKIP.has(el.tagName)) continue;
    const kids = [...el.childNodes].filter((n) => (n.nodeType === 3 || (n.nodeType === 1 && !SKIP.has(n.tagName))) && text(n));
    for (let i = 0; i + 1 < kids.length; i++) {
      const a = kids[i], b = kids[i + 1];
      const ta = text(a), tb = text(b);
      if (!WORD.test(ta.slice(-1)) || !WORD.test(tb.slice(0, 1))) continue;
      const ta2 = textNodes(a).at(-1), tb2 = textNodes(b)[0];
      const ra = ta2 && rects(ta2).at(-1), rb = tb2 && rects(tb2)[0];
      if (!ra || !rb) continue;
      const overlap = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
      if (overlap < Math.min(ra.height, rb.height) / 2) continue;
      const gap = rb.left - ra.right;
      if (gap < 2 && gap > -2) found.push(ta.slice(-30) + ' | ' + tb.slice(0, 30) + '  (in <' + el.tagName.toLowerCase() + ' class="' + el.className + '">)');
    }
  }
  return found;
})()`;
