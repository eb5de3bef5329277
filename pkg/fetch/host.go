package fetch

import (
	"context"
	"strings"
	"sync"
)

// hosts bounds how many requests run at once against each host, so that a
// batch of URLs or a page's linked PDFs do not hammer one server.
type hosts struct {
	per  int
	mu   sync.Mutex
	sems map[string]chan struct{}
}

func newHosts(per int) *hosts {
	return &hosts{per: per, sems: make(map[string]chan struct{})}
}

// acquire waits for a slot for host, or for ctx to end. The returned
// func gives the slot back and must be called exactly once.
func (h *hosts) acquire(ctx context.Context, host string) (release func(), err error) {
	host = strings.ToLower(host)
	h.mu.Lock()
	sem, ok := h.sems[host]
	if !ok {
		sem = make(chan struct{}, h.per)
		h.sems[host] = sem
	}
	h.mu.Unlock()
	select {
	case sem <- struct{}{}:
		return func() { <-sem }, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}
