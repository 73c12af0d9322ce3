package postgres

import (
	"testing"

	"github.com/newsgraph/newsgraph/store/storetest"
)

func TestStore_CorpusReviseSuite(t *testing.T) {
	storetest.CorpusReviseSuite(t, func(t *testing.T) storetest.CorpusBackend { return openTest(t) })
}

func TestStore_CorpusReviseInBatchSuite(t *testing.T) {
	storetest.CorpusReviseInBatchSuite(t, func(t *testing.T) storetest.CorpusBackend { return openTest(t) })
}
