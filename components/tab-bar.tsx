/**
 * The panel's tabs as an ARIA tablist: one tab stop, arrow keys (and Home/End) move between tabs
 * and select them, each tab controls its panel.
 */
import { useRef, type KeyboardEvent } from 'react';

export interface TabSpec<K extends string> {
  key: K;
  label: string;
  testId: string;
}

export const tabId = (key: string) => `tab-${key}`;
export const panelId = (key: string) => `panel-${key}`;

export function TabBar<K extends string>(props: { tabs: TabSpec<K>[]; selected: K; onSelect: (k: K) => void; label: string }) {
  const refs = useRef<Map<K, HTMLButtonElement>>(new Map());

  const onKeyDown = (e: KeyboardEvent) => {
    const i = props.tabs.findIndex((x) => x.key === props.selected);
    const n = props.tabs.length;
    const next =
      e.key === 'ArrowRight' ? (i + 1) % n
      : e.key === 'ArrowLeft' ? (i - 1 + n) % n
      : e.key === 'Home' ? 0
      : e.key === 'End' ? n - 1
      : -1;
    const tab = props.tabs[next];
    if (!tab) return;
    e.preventDefault();
    props.onSelect(tab.key);
    refs.current.get(tab.key)?.focus();
  };

  return (
    <div role="tablist" aria-label={props.label} className="tabs" onKeyDown={onKeyDown}>
      {props.tabs.map((x) => {
        const selected = x.key === props.selected;
        return (
          <button
            key={x.key}
            ref={(el) => {
              if (el) refs.current.set(x.key, el);
              else refs.current.delete(x.key);
            }}
            type="button"
            role="tab"
            id={tabId(x.key)}
            aria-controls={panelId(x.key)}
            aria-selected={selected}
            tabIndex={selected ? 0 : -1}
            data-testid={x.testId}
            onClick={() => props.onSelect(x.key)}
          >
            {x.label}
          </button>
        );
      })}
    </div>
  );
}
