package sqlite

import (
	"testing"

	"github.com/newsgraph/newsgraph/store"
	"github.com/newsgraph/newsgraph/store/storetest"
)

func TestStore_CorpusSuite(t *testing.T) {
	storetest.CorpusSuite(t, func(t *testing.T) store.CorpusStore { return openTemp(t) })
}

func TestStore_CorpusReviseSuite(t *testing.T) {
	storetest.CorpusReviseSuite(t, func(t *testing.T) storetest.CorpusBackend { return openTemp(t) })
}

func TestStore_CorpusReviseInBatchSuite(t *testing.T) {
	storetest.CorpusReviseInBatchSuite(t, func(t *testing.T) storetest.CorpusBackend { return openTemp(t) })
}
