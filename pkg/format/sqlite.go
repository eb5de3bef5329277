package format

import (
	"bytes"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	_ "modernc.org/sqlite" // pure Go, no cgo: go install works everywhere

	"github.com/findings/findings/pkg/report"
)

// FileWriter is a Writer that writes a file (or folder) of its own rather
// than a stream, atomically: Close puts it in place, Abort throws away
// what it wrote, and the output is never seen half written.
type FileWriter interface {
	Writer
	// Abort removes what was written; it is safe to call after Close.
	Abort()
}

// applicationID marks a findings database in the SQLite header (PRAGMA
// application_id), so that --append can tell one from any other file.
const applicationID = 0x46696e64 // "Find"

// schemaVersion is the database's PRAGMA user_version: the layout below.
const schemaVersion = 1

// sqliteSchema is the dataset's layout: one row per report and per item,
// each item carrying its report's id. Spans are span_start and span_end
// (END is an SQL keyword); a column that JSON leaves out is NULL.
const sqliteSchema = `
CREATE TABLE IF NOT EXISTS reports (
  id INTEGER PRIMARY KEY,
  source TEXT NOT NULL UNIQUE,
  authority TEXT NOT NULL,
  inspection_type TEXT NOT NULL,
  title TEXT NOT NULL,
  date TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS findings (
  id INTEGER PRIMARY KEY,
  report_id INTEGER NOT NULL REFERENCES reports(id),
  kind TEXT NOT NULL,
  text TEXT NOT NULL,
  section TEXT NOT NULL,
  span_start INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  page INTEGER,
  rule TEXT NOT NULL,
  cues TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS finding_themes (
  finding_id INTEGER NOT NULL REFERENCES findings(id),
  report_id INTEGER NOT NULL REFERENCES reports(id),
  theme TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS metrics (
  id INTEGER PRIMARY KEY,
  report_id INTEGER NOT NULL REFERENCES reports(id),
  value REAL NOT NULL,
  unit TEXT NOT NULL,
  currency TEXT,
  per REAL,
  time_unit TEXT,
  points INTEGER NOT NULL,
  direction TEXT NOT NULL,
  qualifier TEXT,
  subject TEXT NOT NULL,
  text TEXT NOT NULL,
  sentence TEXT NOT NULL,
  span_start INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  page INTEGER
);
CREATE TABLE IF NOT EXISTS judgements (
  id INTEGER PRIMARY KEY,
  report_id INTEGER NOT NULL REFERENCES reports(id),
  grade TEXT NOT NULL,
  scope TEXT NOT NULL,
  previous INTEGER NOT NULL,
  year INTEGER,
  text TEXT NOT NULL,
  sentence TEXT NOT NULL,
  rule TEXT NOT NULL,
  span_start INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  page INTEGER
);
`

// sqliteIndexes are made once the rows are in, which is quicker than
// keeping them up to date row by row.
const sqliteIndexes = `
CREATE INDEX IF NOT EXISTS reports_authority ON reports(authority);
CREATE INDEX IF NOT EXISTS findings_report ON findings(report_id);
CREATE INDEX IF NOT EXISTS findings_kind ON findings(kind);
CREATE INDEX IF NOT EXISTS finding_themes_finding ON finding_themes(finding_id);
CREATE INDEX IF NOT EXISTS finding_themes_report ON finding_themes(report_id);
CREATE INDEX IF NOT EXISTS finding_themes_theme ON finding_themes(theme);
CREATE INDEX IF NOT EXISTS metrics_report ON metrics(report_id);
CREATE INDEX IF NOT EXISTS judgements_report ON judgements(report_id);
CREATE INDEX IF NOT EXISTS judgements_grade ON judgements(grade);
CREATE INDEX IF NOT EXISTS judgements_scope ON judgements(scope);
`

// sqliteWriter writes reports into a temporary database beside path (a
// copy of path with appendTo) in one transaction, and renames it into
// place on Close.
type sqliteWriter struct {
	path, tmp string
	opts      Options
	db        *sql.DB
	tx        *sql.Tx
	stmt      map[string]*sql.Stmt
	done      bool
}

// NewSQLite returns a FileWriter that writes the reports into the SQLite
// database at path. With appendTo, the reports are added to the database
// already there (a report of the same source replaces the one before);
// without, the file is made anew. The file appears only when Close
// succeeds.
func NewSQLite(path string, opts Options, appendTo bool) (FileWriter, error) {
	return newSQLite(path, opts, appendTo, 0)
}

// newSQLite is NewSQLite with the database bounded to maxPages pages (0:
// no bound), which lets a test fill the "disk".
func newSQLite(path string, opts Options, appendTo bool, maxPages int) (_ FileWriter, err error) {
	fail := func(err error) error { return fmt.Errorf("output %s: %w", path, err) }
	if path == "" || path == "-" {
		return nil, errors.New("--format sqlite writes a database: name its file with --output")
	}
	old, err := os.Open(path)
	switch {
	case err == nil:
		defer old.Close()
		if st, err := old.Stat(); err == nil && st.IsDir() {
			return nil, fail(errors.New("is a directory"))
		}
	case !errors.Is(err, os.ErrNotExist):
		return nil, fail(unwrapPath(err))
	default:
		old = nil
	}
	if appendTo && old != nil {
		if err := checkFindingsDB(old, path); err != nil {
			return nil, fail(err)
		}
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return nil, fail(unwrapPath(err))
	}
	w := &sqliteWriter{path: path, tmp: tmp.Name(), opts: opts, stmt: map[string]*sql.Stmt{}}
	defer func() {
		if err != nil {
			w.Abort()
		}
	}()
	if appendTo && old != nil {
		if _, err := old.Seek(0, io.SeekStart); err != nil {
			return nil, fail(err)
		}
		if _, err := io.Copy(tmp, old); err != nil {
			tmp.Close()
			return nil, fail(unwrapPath(err))
		}
	}
	if err := tmp.Close(); err != nil {
		return nil, fail(unwrapPath(err))
	}
	// the temporary copy is renamed into place whole, so SQLite's own
	// journal would only slow the writing down
	w.db, err = sql.Open("sqlite", "file:"+w.tmp+"?_pragma=journal_mode(OFF)&_pragma=synchronous(OFF)")
	if err != nil {
		return nil, fail(err)
	}
	w.db.SetMaxOpenConns(1)
	setup := fmt.Sprintf("PRAGMA application_id = %d; PRAGMA user_version = %d;", applicationID, schemaVersion) + sqliteSchema
	if maxPages > 0 {
		setup = fmt.Sprintf("PRAGMA max_page_count = %d;", maxPages) + setup
	}
	if _, err := w.db.Exec(setup); err != nil {
		return nil, fail(err)
	}
	if w.tx, err = w.db.Begin(); err != nil {
		return nil, fail(err)
	}
	for name, q := range map[string]string{
		"forget":    "DELETE FROM reports WHERE source = ? RETURNING id",
		"report":    "INSERT INTO reports (source, authority, inspection_type, title, date) VALUES (?, ?, ?, ?, ?)",
		"finding":   "INSERT INTO findings (report_id, kind, text, section, span_start, span_end, page, rule, cues) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
		"theme":     "INSERT INTO finding_themes (finding_id, report_id, theme) VALUES (?, ?, ?)",
		"metric":    "INSERT INTO metrics (report_id, value, unit, currency, per, time_unit, points, direction, qualifier, subject, text, sentence, span_start, span_end, page) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
		"judgement": "INSERT INTO judgements (report_id, grade, scope, previous, year, text, sentence, rule, span_start, span_end, page) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	} {
		if w.stmt[name], err = w.tx.Prepare(q); err != nil {
			return nil, fail(err)
		}
	}
	return w, nil
}

// checkFindingsDB says why f is not a database that findings wrote.
func checkFindingsDB(f *os.File, path string) error {
	head := make([]byte, 100)
	if _, err := io.ReadFull(f, head); err != nil || !bytes.HasPrefix(head, []byte("SQLite format 3\x00")) {
		return errors.New("not a findings database (not an SQLite file); leave out --append to replace it")
	}
	// the header's application id, big-endian at offset 68
	id := int(head[68])<<24 | int(head[69])<<16 | int(head[70])<<8 | int(head[71])
	if id != applicationID {
		return errors.New("not a findings database (an SQLite file that findings did not write); leave out --append to replace it")
	}
	return nil
}

func (w *sqliteWriter) Write(r *report.Report) error {
	if err := w.write(w.opts.filtered(r)); err != nil {
		return fmt.Errorf("output %s: %w", w.path, err)
	}
	return nil
}

func (w *sqliteWriter) write(r *report.Report) error {
	// a report read again replaces the one before, items and all
	rows, err := w.stmt["forget"].Query(r.Source)
	if err != nil {
		return err
	}
	var gone []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return err
		}
		gone = append(gone, id)
	}
	if err := rows.Close(); err != nil {
		return err
	}
	for _, id := range gone {
		for _, table := range []string{"finding_themes", "findings", "metrics", "judgements"} {
			if _, err := w.tx.Exec("DELETE FROM "+table+" WHERE report_id = ?", id); err != nil {
				return err
			}
		}
	}
	f := r.Facts
	res, err := w.stmt["report"].Exec(r.Source, f.Authority, f.InspectionType, f.Title, f.Date)
	if err != nil {
		return err
	}
	id, err := res.LastInsertId()
	if err != nil {
		return err
	}
	for _, x := range r.Findings {
		res, err := w.stmt["finding"].Exec(id, x.Kind, x.Text, x.Section, x.Start, x.End, orNull(x.Page), x.Rule, cuesJSON(x.Cues))
		if err != nil {
			return err
		}
		if len(x.Themes) == 0 {
			continue
		}
		fid, err := res.LastInsertId()
		if err != nil {
			return err
		}
		for _, t := range x.Themes {
			if _, err := w.stmt["theme"].Exec(fid, id, t); err != nil {
				return err
			}
		}
	}
	for _, m := range r.Metrics {
		if _, err := w.stmt["metric"].Exec(id, m.Value, m.Unit, orNull(m.Currency), orNull(m.Per), orNull(m.TimeUnit), m.Points,
			m.Direction, orNull(m.Qualifier), m.Subject, m.Text, m.Sentence, m.Start, m.End, orNull(m.Page)); err != nil {
			return err
		}
	}
	for _, j := range r.Judgements {
		if _, err := w.stmt["judgement"].Exec(id, j.Grade, j.Scope, j.Previous, orNull(j.Year), j.Text, j.Sentence, j.Rule,
			j.Start, j.End, orNull(j.Page)); err != nil {
			return err
		}
	}
	return nil
}

// cuesJSON is the cue words as a JSON array, which SQLite's json_each
// reads: a cue can hold a space ("-too many").
func cuesJSON(cues []string) string {
	if cues == nil {
		cues = []string{}
	}
	b, _ := json.Marshal(cues) // strings always marshal
	return string(b)
}

// orNull is v, or NULL for its zero value: what JSON leaves out.
func orNull[T comparable](v T) any {
	var zero T
	if v == zero {
		return nil
	}
	return v
}

// Close commits the rows, indexes them and renames the database into
// place; on failure nothing is left behind.
func (w *sqliteWriter) Close() error {
	if w.done {
		return nil
	}
	err := w.finish()
	if err != nil {
		w.Abort()
		return fmt.Errorf("output %s: %w", w.path, err)
	}
	w.done = true
	return nil
}

func (w *sqliteWriter) finish() error {
	for _, s := range w.stmt {
		s.Close()
	}
	if _, err := w.tx.Exec(sqliteIndexes); err != nil {
		return err
	}
	if err := w.tx.Commit(); err != nil {
		return err
	}
	w.tx = nil
	if err := w.db.Close(); err != nil {
		return err
	}
	w.db = nil
	// a temporary file is private (0600); the output is an ordinary file
	if err := os.Chmod(w.tmp, 0o644); err != nil {
		return unwrapPath(err)
	}
	if err := os.Rename(w.tmp, w.path); err != nil {
		return unwrapPath(err)
	}
	return nil
}

func (w *sqliteWriter) Abort() {
	if w.done {
		return
	}
	w.done = true
	if w.tx != nil {
		w.tx.Rollback()
	}
	if w.db != nil {
		w.db.Close()
	}
	os.Remove(w.tmp)
}

// unwrapPath drops the temporary file's name from an error, since the
// user knows only the output's.
func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	var se *os.SyscallError
	if errors.As(err, &se) {
		return se.Err
	}
	return err
}
