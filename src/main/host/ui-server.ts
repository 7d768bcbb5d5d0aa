/**
 * The browser host moved to ./browser/ui-server. This re-export only keeps scanner-wiring.ts's
 * type import working until that file (being rewritten elsewhere) imports from there; then delete it.
 */
export type { UiPostRoute } from './browser/post-routes'
