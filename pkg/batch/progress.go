package batch

import (
	"bytes"
	"io"
	"sync"
	"time"

	"github.com/cheggaaa/pb/v3"
)

// barTemplate shows files done of total, a bar, the rate and the time left.
const barTemplate = `{{counters . }} files {{bar . "[" "=" ">" " " "]"}} {{percent . }} {{speed . "%s/s" "? /s"}} {{rtime . "%s left" "in %s" "? left"}}`

// Bar is a progress bar for a terminal. Only create one when the stream it
// draws on is a terminal: it redraws its line in place. Lines written
// through Writer while it runs go above it, not through it.
type Bar struct {
	mu  sync.Mutex
	out io.Writer
	bar *pb.ProgressBar
}

// NewBar returns a bar that draws on w, a terminal.
func NewBar(w io.Writer) *Bar {
	return &Bar{out: w}
}

// Start implements Progress.
func (b *Bar) Start(total int) {
	bar := pb.New(total)
	bar.SetTemplateString(barTemplate)
	// The caller checked that w is a terminal; it may not be an *os.File
	// (a test, or FINDINGS_FORCE_TTY), so say so before giving the writer.
	bar.Set(pb.Terminal, true)
	bar.SetWriter(lockedWriter{b})
	bar.Set(pb.CleanOnFinish, true)
	bar.SetRefreshRate(200 * time.Millisecond)
	b.bar = bar.Start()
	b.bar.Write() // show it now, not at the first tick: a short run may end first
}

// Done implements Progress.
func (b *Bar) Done() {
	if b.bar != nil {
		b.bar.Increment()
	}
}

// Finish implements Progress: it wipes the bar.
func (b *Bar) Finish() {
	if b.bar != nil {
		b.bar.Finish()
	}
}

// Writer returns a writer for messages (per-file errors, notes) that clears
// the bar's line before each write; the bar redraws below on its next tick.
func (b *Bar) Writer() io.Writer { return messageWriter{b} }

// lockedWriter is how the bar draws: under the lock messages take too.
type lockedWriter struct{ b *Bar }

func (w lockedWriter) Write(p []byte) (int, error) {
	w.b.mu.Lock()
	defer w.b.mu.Unlock()
	return w.b.out.Write(p)
}

type messageWriter struct{ b *Bar }

// clearLine returns the cursor to the start of the line and erases it.
var clearLine = []byte("\r\x1b[K")

func (w messageWriter) Write(p []byte) (int, error) {
	w.b.mu.Lock()
	defer w.b.mu.Unlock()
	if _, err := w.b.out.Write(append(bytes.Clone(clearLine), p...)); err != nil {
		return 0, err
	}
	return len(p), nil
}
