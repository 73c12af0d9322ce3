package sqlite

// Migration 10 is store/postgres's lighter write path (no mentions rows,
// no index of sketch and name word rows by document); SQLite keeps its
// tables and indexes as they are, so the version is a no-op here.
func init() {
	addMigration(10, `SELECT 1;`)
}
