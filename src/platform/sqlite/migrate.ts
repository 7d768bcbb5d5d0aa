/** The one schema mechanism of every SQLite file: numbered migrations counted in PRAGMA user_version. */
import type Database from 'better-sqlite3'

/** SQL to run, or a function for a change SQL alone cannot make; either runs inside the migration's transaction. */
export type Migration = string | ((db: Database.Database) => void)

/**
 * A file's migrations, APPEND ONLY: entry i takes a file from version i to i + 1, and the file's
 * user_version says how many have run. Files in the field are already past every shipped entry,
 * so a shipped entry is never edited, reordered or removed; a change is a new entry at the end.
 */
export type Migrations = readonly Migration[]

export interface MigrateOptions {
  /**
   * For files written before their owner used user_version (it reads 0 there): the version such
   * a file is already at, judged from what it holds. Consulted only while user_version is 0.
   */
  legacyVersion?: (db: Database.Database) => number
}

const versionOf = (db: Database.Database): number => db.pragma('user_version', { simple: true }) as number

/**
 * Brings `db` up to `migrations.length`, one transaction per migration, so a crash or a failing
 * migration leaves the file at the last version that completed, never half-way through one.
 * Refuses a file from a newer build: this one would write rows its schema does not describe.
 * Returns the version the file is at.
 */
export function migrate(db: Database.Database, migrations: Migrations, options: MigrateOptions = {}): number {
  if (versionOf(db) === migrations.length) return migrations.length
  for (;;) {
    // IMMEDIATE takes the write lock before reading the version: two processes opening one file
    // at once migrate it once, the second waiting (busy_timeout) and then finding it done.
    const done = db
      .transaction((): boolean => {
        let version = versionOf(db)
        if (version === 0 && options.legacyVersion) version = options.legacyVersion(db)
        if (version > migrations.length)
          throw new Error(
            `${db.name} is at schema version ${version}, but this build knows only ${migrations.length}: ` +
              'it was written by a newer version of the app'
          )
        if (version < migrations.length) {
          const migration = migrations[version]!
          if (typeof migration === 'string') db.exec(migration)
          else migration(db)
          version++
        }
        db.pragma(`user_version = ${version}`)
        return version === migrations.length
      })
      .immediate()
    if (done) return migrations.length
  }
}
