package format

import (
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/findings/findings/pkg/report"
)

// writeDB writes the reports into the database at path and closes it.
func writeDB(t *testing.T, path string, appendTo bool, reps ...*report.Report) {
	t.Helper()
	w, err := NewSQLite(path, Options{Format: "sqlite"}, appendTo)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range reps {
		if err := w.Write(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
}

// query returns the one value q selects from the database at path.
func query(t *testing.T, path, q string) string {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var v sql.NullString
	if err := db.QueryRow(q).Scan(&v); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	if !v.Valid {
		return "NULL"
	}
	return v.String
}

// leftovers lists the files in dir other than the ones named.
func leftovers(t *testing.T, dir string, keep ...string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		if !strings.Contains(strings.Join(keep, "\x00"), e.Name()) {
			out = append(out, e.Name())
		}
	}
	return out
}

// TestSQLite checks that every item is a row carrying its report's id,
// with its themes, its page (NULL without one) and what JSON omits as NULL.
func TestSQLite(t *testing.T) {
	path := filepath.Join(t.TempDir(), "f.db")
	a, b := sample("a.pdf"), sample("b.txt")
	a.Findings[0].Themes = []string{"leadership", "workforce"}
	a.Paginate(strings.Repeat("x", 135) + "\f" + strings.Repeat("y", 100))
	writeDB(t, path, false, a, b)
	for q, want := range map[string]string{
		"SELECT count(*) FROM reports":                                                                    "2",
		"SELECT count(*) FROM findings":                                                                   "6",
		"SELECT count(*) FROM metrics":                                                                    "2",
		"SELECT count(*) FROM judgements":                                                                 "2",
		"SELECT group_concat(theme, ' ') FROM finding_themes":                                             "leadership workforce",
		"SELECT count(*) FROM findings f JOIN reports r ON r.id = f.report_id":                            "6",
		"SELECT page FROM findings f JOIN reports r ON r.id = f.report_id AND r.source = 'b.txt' LIMIT 1": "NULL",
		"SELECT page FROM findings WHERE text LIKE 'Plans are%' AND page IS NOT NULL":                     "2",
		"SELECT authority FROM reports WHERE source = 'a.pdf'":                                            "Marsh Vale",
		"SELECT currency FROM metrics LIMIT 1":                                                            "NULL",
		"SELECT value || ' ' || unit || ' ' || direction FROM metrics LIMIT 1":                            "64.0 percent increase",
		"SELECT grade || ' ' || scope || ' ' || previous FROM judgements LIMIT 1":                         "good overall 0",
		"SELECT cues FROM findings WHERE kind = 'mixed' LIMIT 1":                                          `["+regular","-brief"]`,
		"SELECT count(*) FROM findings, json_each(findings.cues) WHERE json_each.value = '-weak'":         "2",
		"SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name IN ('reports_authority', 'findings_kind', 'finding_themes_theme', 'judgements_grade', 'judgements_scope')": "5",
	} {
		if got := query(t, path, q); got != want {
			t.Errorf("%s = %s, want %s", q, got, want)
		}
	}
	if l := leftovers(t, filepath.Dir(path), "f.db"); len(l) > 0 {
		t.Errorf("left behind: %v", l)
	}
}

// TestSQLiteAppend checks that --append adds reports and that a report
// read again replaces its rows, and that without it the file is made anew.
func TestSQLiteAppend(t *testing.T) {
	path := filepath.Join(t.TempDir(), "f.db")
	writeDB(t, path, false, sample("a.txt"), sample("b.txt"))
	again := sample("b.txt")
	again.Findings = again.Findings[:1]
	writeDB(t, path, true, again, sample("c.txt"))
	for q, want := range map[string]string{
		"SELECT group_concat(source, ' ') FROM (SELECT source FROM reports ORDER BY source)": "a.txt b.txt c.txt",
		"SELECT count(*) FROM findings": "7", // 3 + 1 + 3
		"SELECT count(*) FROM findings f JOIN reports r ON r.id = f.report_id AND r.source = 'b.txt'": "1",
		"SELECT count(*) FROM metrics": "3",
	} {
		if got := query(t, path, q); got != want {
			t.Errorf("%s = %s, want %s", q, got, want)
		}
	}
	writeDB(t, path, false, sample("d.txt"))
	if got := query(t, path, "SELECT group_concat(source) FROM reports"); got != "d.txt" {
		t.Errorf("without --append the database holds %s, want d.txt alone", got)
	}
}

// TestSQLiteBadOutput checks each way the output can be wrong: a file
// that is no findings database given with --append, a folder that cannot
// be written, a disk that fills. Each is one line naming the output, and
// leaves no file behind and the old file as it was.
func TestSQLiteBadOutput(t *testing.T) {
	dir := t.TempDir()
	text := filepath.Join(dir, "notes.txt")
	os.WriteFile(text, []byte("not a database\n"), 0o644)
	other := filepath.Join(dir, "other.db")
	db, err := sql.Open("sqlite", other)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("CREATE TABLE t (x)"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	before, _ := os.ReadFile(other)

	for _, tt := range []struct{ name, path, want string }{
		{"text with append", text, "not a findings database (not an SQLite file)"},
		{"another SQLite file with append", other, "not a findings database (an SQLite file that findings did not write)"},
		{"a folder", dir, "is a directory"},
		{"no such folder", filepath.Join(dir, "nope", "f.db"), "no such file or directory"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := NewSQLite(tt.path, Options{}, true)
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), "output "+tt.path+": ") || strings.Contains(err.Error(), "\n") {
				t.Errorf("error %v, want one line: output %s: ...%s", err, tt.path, tt.want)
			}
		})
	}
	if after, _ := os.ReadFile(other); string(after) != string(before) {
		t.Error("the other database was changed")
	}

	t.Run("disk full", func(t *testing.T) {
		path := filepath.Join(dir, "full.db")
		w, err := newSQLite(path, Options{}, false, 12) // pages of 4 KiB: room for the tables and little more
		if err != nil {
			t.Fatal(err)
		}
		big := sample("big.txt")
		for i := range 2000 {
			f := big.Findings[0]
			f.Text = strings.Repeat("a long sentence ", 20) + string(rune('a'+i%26))
			big.Findings = append(big.Findings, f)
		}
		err = w.Write(big)
		if err == nil {
			err = w.Close()
		} else {
			w.Abort()
		}
		if err == nil || !strings.Contains(err.Error(), "full") || !strings.HasPrefix(err.Error(), "output "+path+": ") {
			t.Errorf("error %v, want output %s: ... full", err, path)
		}
		if testing.Verbose() {
			t.Logf("disk full: %v", err)
		}
		if _, err := os.Stat(path); err == nil {
			t.Error("a half-written database was left")
		}
		if l := leftovers(t, dir, "notes.txt", "other.db"); len(l) > 0 {
			t.Errorf("left behind: %v", l)
		}
	})
	if os.Getuid() != 0 { // root writes anywhere
		t.Run("unwritable folder", func(t *testing.T) {
			ro := filepath.Join(dir, "ro")
			os.Mkdir(ro, 0o555)
			if _, err := NewSQLite(filepath.Join(ro, "f.db"), Options{}, false); err == nil || !strings.Contains(err.Error(), "permission denied") {
				t.Errorf("error %v, want permission denied", err)
			}
		})
	}
}
