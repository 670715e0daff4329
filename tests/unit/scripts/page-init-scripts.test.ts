/**
 * What the browser launcher puts into every page must run there when the launcher itself runs
 * under tsx (the bench, `npm start`): tsx's esbuild keeps function names by wrapping named
 * functions in a `__name(...)` helper that exists only in Node, so a function handed to the page
 * as its own text fails there with "__name is not defined". The launcher is run under tsx here,
 * with a stand-in browser context that records the init scripts as Playwright would send them,
 * and each is run in a bare context with a stand-in RTCPeerConnection.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runInNewContext } from 'node:vm';

const ROOT = resolve(__dirname, '../../..');

const PROBE = `
import { NetworkGuard } from ${JSON.stringify(join(ROOT, 'scripts/demo/browser.ts'))};
const scripts = [];
const context = {
  route: async () => {},
  on: () => {},
  routeWebSocket: async () => {},
  exposeBinding: async () => {},
  // As Playwright serialises an init script: a function's text called with its argument, or the content.
  addInitScript: async (s, arg) => scripts.push(typeof s === 'function' ? '(' + s.toString() + ')(' + JSON.stringify(arg) + ')' : s.content),
};
await new NetworkGuard().watch(context);
process.stdout.write(JSON.stringify(scripts));
`;

describe('the init scripts the launcher puts into pages', () => {
  it('run in a page when the launcher runs under tsx, and still close an RTCPeerConnection', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bb-init-'));
    const file = join(dir, 'probe.mts');
    writeFileSync(file, PROBE);
    const out = execFileSync(join(ROOT, 'node_modules/.bin/tsx'), [file], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    const scripts = JSON.parse(out) as string[];
    expect(scripts.length).toBeGreaterThan(0);
    for (const source of scripts) {
      const reported: string[] = [];
      let closed = 0;
      class FakePeer {
        close() {
          closed++;
        }
      }
      const page: Record<string, unknown> = { RTCPeerConnection: FakePeer, __buyerbookNetworkGuardRtc: (s: string) => reported.push(s) };
      page.globalThis = page;
      runInNewContext(source, page);
      const Guarded = page.RTCPeerConnection as new (cfg: unknown) => unknown;
      expect(Guarded).not.toBe(FakePeer);
      new Guarded({ iceServers: [{ urls: 'stun:stun.example.invalid:3478' }] });
      expect(reported).toEqual(['stun:stun.example.invalid:3478']);
      expect(closed).toBe(1);
    }
  }, 90_000);
});
