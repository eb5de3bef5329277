//go:build unix

package root

import (
	"runtime"
	"syscall"
)

// maxRSS is the most memory a finished process held, in bytes, or 0 when
// the system does not say.
func maxRSS(usage any) int64 {
	ru, ok := usage.(*syscall.Rusage)
	if !ok {
		return 0
	}
	if runtime.GOOS == "darwin" || runtime.GOOS == "ios" {
		return int64(ru.Maxrss) // bytes there, kilobytes elsewhere
	}
	return int64(ru.Maxrss) << 10
}
