package sqlite

// Migration 13 is store/postgres's codes in the names vector and the layer
// listings without per-table order indexes (its schema.go); here the
// listings keep their ordered indexes, so it changes nothing.
func init() {
	addMigration(13, `SELECT 1;`)
}
