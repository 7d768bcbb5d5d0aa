/** The Stamps wire contract: one definition per shape, used by client, sandbox, bridge and IPC. */
export * from './wire-values'
export * from './errors'
export * from './transactions'
export * from './balances'
export * from './activities'
export * from './memberships'
export * from './auth'
export * from './paths'
