package sqlite

// Migration 12 is store/postgres's word index of names as one tsvector per
// original with a GIN index (its names.go); here the name filters keep
// migration 5's name_words rows, so it changes nothing.
func init() {
	addMigration(12, `SELECT 1;`)
}
