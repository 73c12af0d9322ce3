package postgres

import (
	"testing"

	"github.com/newsgraph/newsgraph/store"
	"github.com/newsgraph/newsgraph/store/storetest"
)

func TestStore_CorpusSuite(t *testing.T) {
	storetest.CorpusSuite(t, func(t *testing.T) store.CorpusStore { return openTest(t) })
}
