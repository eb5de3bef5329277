//go:build !unix

package root

// maxRSS is 0: the system does not say how much memory a process held.
func maxRSS(usage any) int64 { return 0 }
