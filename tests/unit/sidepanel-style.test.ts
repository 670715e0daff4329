/**
 * The panel's stylesheet has no rule inside another rule. CSS nesting makes an unclosed block
 * legal: a rule left open by a merge (`.step-head {` with its body lost) silently turned every rule
 * after it into a descendant of `.step-head`, so the buyer card, the backup status and the quick
 * buttons lost their flex gaps and their texts ran together. Only at-rules (@media) may hold rules.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const CSS = resolve(__dirname, '../../entrypoints/sidepanel/style.css');

/** Rules opened inside another style rule, as "line: selector inside selector". */
function nestedRules(css: string): string[] {
  const src = css.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '));
  const stack: string[] = [];
  const found: string[] = [];
  let start = 0;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (ch === '{') {
      const prelude = src.slice(start, i).replace(/\s+/g, ' ').trim();
      const parent = stack.at(-1);
      if (parent && !parent.startsWith('@') && !prelude.startsWith('@')) {
        const line = src.slice(0, i).split('\n').length;
        found.push(`${line}: ${prelude} inside ${parent}`);
      }
      stack.push(prelude);
      start = i + 1;
    } else if (ch === '}') {
      stack.pop();
      start = i + 1;
    } else if (ch === ';') start = i + 1;
  }
  if (stack.length) found.push(`unclosed: ${stack.join(' > ')}`);
  return found;
}

describe('the side panel stylesheet', () => {
  it('finds a rule left open', () => {
    expect(nestedRules('.a {\n/* lost */\n.b { gap: 4px; }\n')).toEqual(['3: .b inside .a', 'unclosed: .a']);
    expect(nestedRules('@media (x) { .a { gap: 1px; } }')).toEqual([]);
  });

  it('has no rule inside another rule, and every block closed', () => {
    expect(nestedRules(readFileSync(CSS, 'utf8'))).toEqual([]);
  });
});
