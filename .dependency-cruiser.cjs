/**
 * Layer rules (ARCHITECTURE.md): which part of the tree may import which. `npm run lint:layers`
 * fails on any violation; CI runs it with the linter.
 */
/** Files that carry requests in or out (the IPC router, the HTTP servers); domain services never import them. */
const TRANSPORTS = '^src/main/(ipc/|host/browser/|bridge/bridge-server)|^node_modules/fastify/'

module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'An import cycle: two modules that cannot be understood (or loaded) one without the other.',
      from: {},
      to: { circular: true }
    },
    {
      name: 'server-stands-alone',
      severity: 'error',
      comment: 'The sandbox server is a Stamps-compatible service of its own: it never imports the app.',
      from: { path: '^src/server/' },
      to: { path: '^src/(main|renderer|preload)/' }
    },
    {
      name: 'main-uses-server-only-to-embed-it',
      severity: 'error',
      comment: 'Only the embedded-sandbox starter may import the sandbox; the rest of main talks to it over HTTP.',
      from: { path: '^src/main/', pathNot: '^src/main/host/embedded-sandbox\\.ts$' },
      to: { path: '^src/server/' }
    },
    {
      name: 'shared-imports-only-shared',
      severity: 'error',
      comment: 'src/shared is read by every side (renderer included): it imports itself and npm packages only.',
      from: { path: '^src/shared/' },
      to: { pathNot: '^(src/shared/|node_modules/)' }
    },
    {
      name: 'platform-imports-only-platform-and-shared',
      severity: 'error',
      comment:
        'src/platform holds the Node-side building blocks the sandbox and the app share (HTTP, SQLite): ' +
        'it imports itself, src/shared, Node and npm packages, never either of its users (its tests may ' +
        'use tests/support).',
      from: { path: '^src/platform/', pathNot: '\\.test\\.ts$' },
      to: { pathNot: '^(src/platform/|src/shared/|node_modules/)', dependencyTypesNot: ['core'] }
    },
    {
      name: 'renderer-stays-in-the-window',
      severity: 'error',
      comment: 'The renderer reaches main only through the IPC contract in src/shared.',
      from: { path: '^src/renderer/' },
      to: { path: '^src/(main|server|http|preload)/|^node_modules/(fastify|better-sqlite3|node-hid)/' }
    },
    {
      name: 'domain-services-know-no-transport',
      severity: 'error',
      comment:
        'Domain services are plain functions and classes: they throw domain errors, and the transports ' +
        '(IPC router, HTTP servers) import them, never the other way round. A domain registers its ' +
        'channels in its own *.ipc.ts file.',
      from: {
        path: '^src/main/',
        pathNot: '^src/main/(ipc|host|bridge)/|^src/main/index\\.ts$|\\.ipc\\.ts$|\\.test\\.ts$'
      },
      to: { path: TRANSPORTS }
    }
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(out|node_modules|reports)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.node.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] }
  }
}
