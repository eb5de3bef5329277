package root

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"runtime/debug"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"

	"github.com/rogpeppe/go-internal/testscript"
	"golang.org/x/text/encoding/charmap"

	"github.com/findings/findings/pkg/cmdutil"
	"github.com/findings/findings/pkg/source/pdftest"
)

// badInputCmds are the testscript commands for the bad-input scripts
// (testdata/script/badinput_*.txtar), which make their hostile files as
// they run rather than keep them in the tree:
//
//	status [-maxrss SIZE] CODE PROG [ARGS...]
//	                              run PROG as exec does; its exit status must
//	                              be CODE, and with -maxrss its peak memory
//	                              (resident set) at most SIZE (ten times that
//	                              under the race detector)
//	writebytes FILE QUOTED        write the Go string literal QUOTED to FILE
//	encode KIND IN OUT            IN re-encoded: utf16le or utf16be (with a
//	                              byte-order mark), cp1252, or crlf line ends
//	mktext [-oneline|-table] SIZE FILE
//	                              a report of SIZE (such as 10MB), its
//	                              paragraphs repeated; -oneline: no line
//	                              breaks; -table: a table of figures with no
//	                              full stop, one sentence to a reader
//	mkfiles N DIR                 N tiny reports in DIR
//	mkpdf [-user PW] [-owner PW] [-scanned] [-truncate] FILE [TEXT]
//	                              a PDF of TEXT's lines (or a short report):
//	                              encrypted, with no text, or cut in half
//	mkimage FILE                  a small PNG image
//	samefindings A B              the JSON reports A and B say the same but
//	                              for their source and byte offsets
//	interrupt AFTER PROG [ARGS...]
//	                              run PROG, interrupt it (Ctrl-C) after AFTER:
//	                              it must exit 130 within a second and a half
var badInputCmds = map[string]func(ts *testscript.TestScript, neg bool, args []string){
	"status":       cmdStatus,
	"writebytes":   cmdWriteBytes,
	"encode":       cmdEncode,
	"mktext":       cmdMkText,
	"mkfiles":      cmdMkFiles,
	"mkpdf":        cmdMkPDF,
	"mkimage":      cmdMkImage,
	"samefindings": cmdSameFindings,
	"interrupt":    cmdInterrupt,
}

// badInputCondition adds the conditions the bad-input scripts need: [root]
// (root reads a file whatever its mode) and [race] (the race detector makes
// the runs over big inputs too slow to time).
func badInputCondition(cond string) (bool, error) {
	switch cond {
	case "root":
		return os.Geteuid() == 0, nil
	case "race":
		if bi, ok := debug.ReadBuildInfo(); ok {
			for _, s := range bi.Settings {
				if s.Key == "-race" && s.Value == "true" {
					return true, nil
				}
			}
		}
		return false, nil
	}
	return false, fmt.Errorf("unknown condition %q", cond)
}

func cmdStatus(ts *testscript.TestScript, neg bool, args []string) {
	fs := flag.NewFlagSet("status", flag.ContinueOnError)
	var rss cmdutil.ByteSize
	fs.Var(&rss, "maxrss", "the most memory the program may hold")
	if neg || fs.Parse(args) != nil || fs.NArg() < 2 {
		ts.Fatalf("usage: status [-maxrss SIZE] CODE PROG [ARGS...]")
	}
	args = fs.Args()
	want, err := strconv.Atoi(args[0])
	ts.Check(err)
	if rss > 0 {
		err = execMeasured(ts, int64(rss), args[1], args[2:]...)
	} else {
		err = ts.Exec(args[1], args[2:]...)
	}
	got := 0
	if err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			ts.Fatalf("%v", err)
		}
		got = ee.ExitCode()
	}
	if got != want {
		ts.Fatalf("exit status %d, want %d", got, want)
	}
}

// execMeasured runs a program as command does and fails when its peak
// memory was over limit.
func execMeasured(ts *testscript.TestScript, limit int64, prog string, args ...string) error {
	cmd := command(ts, prog, args...)
	err := cmd.Run()
	if cmd.ProcessState == nil {
		return err
	}
	if race, _ := badInputCondition("race"); race {
		limit *= 10
	}
	used := maxRSS(cmd.ProcessState.SysUsage())
	ts.Logf("peak memory %s (limit %s)", cmdutil.HumanSize(used), cmdutil.HumanSize(limit))
	if used > limit {
		ts.Fatalf("peak memory %s, more than %s", cmdutil.HumanSize(used), cmdutil.HumanSize(limit))
	}
	return err
}

// command is a program to run in the script's folder with the script's
// environment, its output going to the script's stdout and stderr.
func command(ts *testscript.TestScript, prog string, args ...string) *exec.Cmd {
	var env []string
	for _, k := range []string{"PATH", "HOME", "TMPDIR", "WORK", "NO_COLOR", "FINDINGS_FORCE_TTY", "XDG_CACHE_HOME", "GOCOVERDIR"} {
		env = append(env, k+"="+ts.Getenv(k))
	}
	path := prog
	for _, dir := range filepath.SplitList(ts.Getenv("PATH")) {
		if p := filepath.Join(dir, prog); isExecutable(p) {
			path = p
			break
		}
	}
	cmd := exec.Command(path, args...)
	cmd.Args[0] = prog
	cmd.Dir = ts.MkAbs(".")
	cmd.Env = env
	cmd.Stdout, cmd.Stderr = ts.Stdout(), ts.Stderr()
	return cmd
}

// stopWithin is how soon an interrupted run must exit.
const stopWithin = 1500 * time.Millisecond

func cmdInterrupt(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: interrupt AFTER PROG [ARGS...]")
	}
	after, err := time.ParseDuration(args[0])
	ts.Check(err)
	cmd := command(ts, args[1], args[2:]...)
	ts.Check(cmd.Start())
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		ts.Fatalf("finished before it was interrupted: %v", err)
	case <-time.After(after):
	}
	ts.Check(cmd.Process.Signal(os.Interrupt))
	signalled := time.Now()
	select {
	case <-done:
	case <-time.After(stopWithin):
		_ = cmd.Process.Kill()
		<-done
		ts.Fatalf("still running %v after the interrupt", stopWithin)
	}
	ts.Logf("stopped %v after the interrupt", time.Since(signalled).Round(time.Millisecond))
	if code := cmd.ProcessState.ExitCode(); code != 130 {
		ts.Fatalf("exit status %d, want 130", code)
	}
}

func isExecutable(path string) bool {
	st, err := os.Stat(path)
	return err == nil && st.Mode().IsRegular() && st.Mode()&0o111 != 0
}

func cmdWriteBytes(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: writebytes FILE QUOTED")
	}
	b, err := strconv.Unquote(args[1])
	ts.Check(err)
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), []byte(b), 0o644))
}

func cmdEncode(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 3 {
		ts.Fatalf("usage: encode utf16le|utf16be|cp1252|crlf IN OUT")
	}
	text := ts.ReadFile(args[1])
	var out []byte
	switch args[0] {
	case "utf16le", "utf16be":
		be := args[0] == "utf16be"
		out = []byte{0xFF, 0xFE}
		if be {
			out = []byte{0xFE, 0xFF}
		}
		for _, u := range utf16.Encode([]rune(text)) {
			if be {
				out = append(out, byte(u>>8), byte(u))
			} else {
				out = append(out, byte(u), byte(u>>8))
			}
		}
	case "cp1252":
		b, err := charmap.Windows1252.NewEncoder().Bytes([]byte(text))
		ts.Check(err)
		out = b
	case "crlf":
		out = []byte(strings.ReplaceAll(text, "\n", "\r\n"))
	default:
		ts.Fatalf("unknown encoding %q", args[0])
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[2]), out, 0o644))
}

// reportHead and reportBody make the reports mktext writes: a judgement
// table, then paragraphs with a strength, a weakness and a number.
const (
	reportHead = "Inspection of Fenbury local authority children's services\n\n" +
		"Judgement\n\nGrade\n\nOverall effectiveness\n\nGood\n\n"
	reportBody = "Children in Fenbury are safe and well supported by social workers who\n" +
		"know them well. Caseloads are manageable, and 45% of social workers\n" +
		"have been in post for more than two years.\n\n" +
		"Plans for care leavers are not specific enough, and too few young\n" +
		"people live in suitable accommodation.\n\n"
)

func cmdMkText(ts *testscript.TestScript, neg bool, args []string) {
	fs := flag.NewFlagSet("mktext", flag.ContinueOnError)
	oneLine := fs.Bool("oneline", false, "no line breaks")
	table := fs.Bool("table", false, "a table of figures")
	var size cmdutil.ByteSize
	if neg || fs.Parse(args) != nil || fs.NArg() != 2 || size.Set(fs.Arg(0)) != nil {
		ts.Fatalf("usage: mktext [-oneline|-table] SIZE FILE")
	}
	f, err := os.Create(ts.MkAbs(fs.Arg(1)))
	ts.Check(err)
	head, body := reportHead, reportBody
	if *oneLine {
		head, body = strings.ReplaceAll(head, "\n", " "), strings.ReplaceAll(body, "\n", " ")
	}
	if *table {
		var b strings.Builder
		for i := range 12 {
			fmt.Fprintf(&b, "Referrals %d,%03d assessments %d children in need %d%% within %d days\n", 1+i, 7*i, 40+i, 60+i, 10+i)
		}
		body = b.String()
	}
	// written in chunks of 1 MB or so, to keep the test's memory small
	chunk := strings.Repeat(body, (1<<20)/len(body)+1)
	n := int64(size)
	w := func(s string) {
		if int64(len(s)) > n {
			s = s[:n]
		}
		_, err := f.WriteString(s)
		ts.Check(err)
		n -= int64(len(s))
	}
	w(head)
	for n > 0 {
		w(chunk)
	}
	ts.Check(f.Close())
}

func cmdMkFiles(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: mkfiles N DIR")
	}
	n, err := strconv.Atoi(args[0])
	ts.Check(err)
	dir := ts.MkAbs(args[1])
	ts.Check(os.MkdirAll(dir, 0o755))
	for i := range n {
		text := fmt.Sprintf("Inspection of Town%05d children's services\n\nChildren in Town%05d are safe and well supported.\n", i, i)
		ts.Check(os.WriteFile(filepath.Join(dir, fmt.Sprintf("r%05d.txt", i)), []byte(text), 0o644))
	}
}

func cmdMkPDF(ts *testscript.TestScript, neg bool, args []string) {
	fs := flag.NewFlagSet("mkpdf", flag.ContinueOnError)
	user := fs.String("user", "", "the password that opens it")
	owner := fs.String("owner", "", "the owner's password")
	scanned := fs.Bool("scanned", false, "pages with no text")
	truncate := fs.Bool("truncate", false, "cut it in half")
	if neg || fs.Parse(args) != nil || fs.NArg() < 1 || fs.NArg() > 2 {
		ts.Fatalf("usage: mkpdf [-user PW] [-owner PW] [-scanned] [-truncate] FILE [TEXT]")
	}
	lines := strings.Split(strings.TrimSpace(reportHead+reportBody), "\n")
	if fs.NArg() == 2 {
		lines = strings.Split(strings.TrimRight(ts.ReadFile(fs.Arg(1)), "\n"), "\n")
	}
	spec := pdftest.Spec{Pages: pdftest.Pages(lines...), UserPassword: *user, OwnerPassword: *owner}
	spec.Encrypt = *user != "" || *owner != ""
	if *scanned {
		spec.Pages, spec.Raw = [][]pdftest.Line{nil, nil}, pdftest.Scanned
	}
	b := pdftest.Write(spec)
	if *truncate {
		b = b[:len(b)/2]
	}
	ts.Check(os.WriteFile(ts.MkAbs(fs.Arg(0)), b, 0o644))
}

func cmdMkImage(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: mkimage FILE")
	}
	img := image.NewGray(image.Rect(0, 0, 8, 8))
	for i := range 8 {
		img.Set(i, i, color.White)
	}
	var b bytes.Buffer
	ts.Check(png.Encode(&b, img))
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), b.Bytes(), 0o644))
}

func cmdSameFindings(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 {
		ts.Fatalf("usage: samefindings A B")
	}
	read := func(name string) any {
		var r map[string]any
		ts.Check(json.Unmarshal([]byte(ts.ReadFile(name)), &r))
		delete(r, "source")
		return dropOffsets(r)
	}
	a, b := read(args[0]), read(args[1])
	if same := reflect.DeepEqual(a, b); same == neg {
		ja, _ := json.MarshalIndent(a, "", "  ")
		jb, _ := json.MarshalIndent(b, "", "  ")
		ts.Logf("%s:\n%s\n%s:\n%s", args[0], ja, args[1], jb)
		if neg {
			ts.Fatalf("the reports say the same")
		}
		ts.Fatalf("the reports differ")
	}
}

// dropOffsets removes every "start" and "end" from a decoded JSON value.
func dropOffsets(v any) any {
	switch v := v.(type) {
	case map[string]any:
		delete(v, "start")
		delete(v, "end")
		for k, x := range v {
			v[k] = dropOffsets(x)
		}
	case []any:
		for i, x := range v {
			v[i] = dropOffsets(x)
		}
	}
	return v
}
