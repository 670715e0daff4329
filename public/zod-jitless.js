// zod's configuration, set before any module of the panel is evaluated (a classic script runs
// before the module scripts): zod reads globalThis.__zod_globalConfig when it loads, and its
// schemas, created while the lazy view chunks load, would otherwise probe `new Function`, which
// the extension's CSP refuses and Chrome reports. lib/zod-setup.ts sets the same for the rest.
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, { jitless: true });
