// Package fetch is the `findings fetch` command.
package fetch

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/findings/findings/pkg/batch"
	"github.com/findings/findings/pkg/cmdutil"
	"github.com/findings/findings/pkg/fetch"
	"github.com/findings/findings/pkg/iostreams"
	"github.com/findings/findings/pkg/source"
)

// DefaultMaxFollow is how many report files one page may bring with
// --follow.
const DefaultMaxFollow = 20

// jobs is how many downloads run at once; the client's per-host limit
// (2) is what keeps one server from being hammered.
const jobs = 4

// FetchOptions are the command's dependencies, then its flag values.
type FetchOptions struct {
	IO      *iostreams.IOStreams
	Version string
	// LookPath finds pdftotext (exec.LookPath when nil).
	LookPath func(string) (string, error)

	URLs      []string
	Dir       string
	Raw       bool
	Follow    bool
	MaxFollow int
	AllHosts  bool
	Web       cmdutil.WebOptions
}

// NewCmdFetch builds the command; runF replaces the run in tests.
func NewCmdFetch(f *cmdutil.Factory, runF func(context.Context, *FetchOptions) error) *cobra.Command {
	opts := &FetchOptions{IO: f.IOStreams, Version: f.Version}
	cmd := &cobra.Command{
		Use:   "fetch URL...",
		Short: "Download reports from the web and save their text",
		Long: `Fetch downloads each URL and saves the report's text as extract reads it:
the text of a PDF, the main content of a web page (without its menus,
footers and teasers of other stories). The bytes decide what a download
is, never its URL or the server's Content-Type. Each file is named after
the page's title or the URL, with .txt; --raw also keeps the original
bytes as .pdf or .html. Files are written atomically; an existing file of
the same name is replaced.

With --follow, a web page that links to report files (links ending in
.pdf, numbered files such as /v1/file/50252240, links marked PDF) has each
of them fetched once as well: on the page's own site (the same host, or
another under the same domain, as files.ofsted.gov.uk is to
reports.ofsted.gov.uk) unless --all-hosts, and at most --max-follow of
them per page.

Downloads are bounded: --timeout per attempt, --max-size, 10 redirects,
http and https only, 2 requests at a time per host, and retries with
backoff of 429 and 5xx answers, honouring Retry-After (up to 30s). They
are cached in --cache-dir: a repeated run asks the server whether each
file has changed (If-None-Match, If-Modified-Since) and does not download
it again if not. --no-cache turns the cache off.

Each saved file is one line on standard output; a URL that fails is one
line on standard error and the others go on; the exit status is then 1.`,
		Example: `  findings fetch https://files.ofsted.gov.uk/v1/file/50252240
  findings fetch -o reports --raw https://files.ofsted.gov.uk/v1/file/50252240
  findings fetch -o reports --follow https://reports.ofsted.gov.uk/provider/44/80449
  findings fetch -o news https://www.example.org/news/council-inspection && findings extract news/`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return cmdutil.FlagErrorf("no URL: name the pages or files to download")
			}
			for _, a := range args {
				if !source.IsURL(a) {
					return cmdutil.FlagErrorf("%s is not a URL: fetch downloads http and https URLs (extract reads files)", a)
				}
			}
			opts.URLs = args
			if err := opts.Web.Validate("timeout"); err != nil {
				return err
			}
			if opts.MaxFollow < 1 {
				return cmdutil.FlagErrorf("--max-follow must be at least 1")
			}
			if !opts.Follow && (cmd.Flags().Changed("max-follow") || opts.AllHosts) {
				return cmdutil.FlagErrorf("--max-follow and --all-hosts need --follow")
			}
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return fetchRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVarP(&opts.Dir, "output-dir", "o", ".", "save files in `DIR` (made if need be)")
	cmd.Flags().BoolVar(&opts.Raw, "raw", false, "also save the original bytes (.pdf or .html)")
	cmd.Flags().BoolVar(&opts.Follow, "follow", false, "also fetch the report files a page links to")
	cmd.Flags().IntVar(&opts.MaxFollow, "max-follow", DefaultMaxFollow, "with --follow, fetch at most `N` linked files per page")
	cmd.Flags().BoolVar(&opts.AllHosts, "all-hosts", false, "with --follow, fetch linked files on other sites too")
	cmdutil.AddWebFlags(cmd.Flags(), &opts.Web, "timeout")
	_ = cmd.MarkFlagDirname("output-dir")
	_ = cmd.MarkFlagDirname("cache-dir")
	return cmd
}

// run is one fetch run's state. Only the goroutine that calls batch.Run
// (through emit) touches it.
type run struct {
	opts   *FetchOptions
	client *fetch.Client
	src    source.Options

	seen   map[string]bool // URLs asked for or answered, without fragments
	names  map[string]bool // file names (without extension) used this run
	saved  int
	failed int
	asked  int
	cache  error
}

// fetched is one URL's download and what it read as.
type fetched struct {
	resp   *fetch.Response
	doc    source.Document
	docErr error
	links  []string
}

func fetchRun(ctx context.Context, opts *FetchOptions) error {
	r := &run{
		opts:   opts,
		client: opts.Web.NewClient(opts.Version),
		seen:   map[string]bool{},
		names:  map[string]bool{},
	}
	lookPath := opts.LookPath
	if lookPath == nil {
		lookPath = exec.LookPath
	}
	if p, err := lookPath("pdftotext"); err == nil {
		r.src.Pdftotext = p
	}
	if err := os.MkdirAll(opts.Dir, 0o755); err != nil {
		return fmt.Errorf("output folder: %w", err)
	}

	var pages []string
	for _, u := range opts.URLs {
		if k := key(u); !r.seen[k] {
			r.seen[k] = true
			pages = append(pages, u)
		}
	}
	listings, err := r.fetchAll(ctx, pages, opts.Follow)
	if err == nil {
		// Only now, with every page's final URL known, can a link be told
		// apart from a page already fetched.
		var linked []string
		for _, l := range listings {
			linked = append(linked, r.follow(l)...)
		}
		_, err = r.fetchAll(ctx, linked, false)
	}
	stderr := opts.IO.ErrOut
	if err != nil {
		if ctx.Err() != nil {
			fmt.Fprintf(stderr, "findings: interrupted (%d saved, %d failed)\n", r.saved, r.failed)
			return cmdutil.ErrInterrupted
		}
		return err
	}
	if r.cache != nil {
		fmt.Fprintf(stderr, "findings: note: could not keep downloads in the cache: %v\n", r.cache)
	}
	if r.asked > 1 {
		fmt.Fprintf(stderr, "findings: %d URLs: %d saved, %d failed\n", r.asked, r.saved, r.failed)
	}
	if r.failed > 0 {
		return cmdutil.ErrSilent
	}
	return nil
}

// listing is a page that links to report files.
type listing struct {
	url   string // as given
	final string // after redirects
	links []string
}

// fetchAll downloads urls, a few at a time, and saves each in turn, in the
// order given. With follow, it returns the pages that link to report
// files.
func (r *run) fetchAll(ctx context.Context, urls []string, follow bool) (listings []listing, err error) {
	work := func(ctx context.Context, i int) (fetched, error) {
		resp, err := r.client.Get(ctx, urls[i])
		if err != nil {
			return fetched{}, cmdutil.FetchReason(err)
		}
		f := fetched{resp: resp}
		f.doc, f.docErr = source.Decode(ctx, urls[i], resp.Body, r.src)
		if follow && source.Sniff(resp.Body) == source.HTML {
			f.links, _ = source.Links(resp.Body, resp.FinalURL)
		}
		return f, nil
	}
	emit := func(res batch.Result[fetched]) error {
		r.asked++
		u := urls[res.Index]
		stderr := r.opts.IO.ErrOut
		if res.Err != nil {
			r.failed++
			fmt.Fprintf(stderr, "findings: %s: %v\n", u, res.Err)
			return nil
		}
		f := res.Value
		r.seen[key(f.resp.FinalURL)] = true
		if f.resp.CacheErr != nil && r.cache == nil {
			r.cache = f.resp.CacheErr
		}
		if len(f.links) > 0 {
			listings = append(listings, listing{url: u, final: f.resp.FinalURL, links: f.links})
		}
		switch {
		case f.docErr != nil && len(f.links) > 0:
			// A page that lists reports need not be one.
			fmt.Fprintf(stderr, "findings: %v; not saved, following its links\n", f.docErr)
		case f.docErr != nil:
			r.failed++
			fmt.Fprintf(stderr, "findings: %v\n", f.docErr)
		default:
			if err := r.save(u, f); err != nil {
				return err
			}
		}
		return nil
	}
	err = batch.Run(ctx, len(urls), batch.Options{Jobs: jobs}, work, emit)
	return listings, err
}

// follow picks the links of a page to fetch: not seen before, on the
// page's site unless --all-hosts, at most --max-follow. It says on stderr
// what it leaves out.
func (r *run) follow(l listing) []string {
	u := l.url
	page, err := url.Parse(l.final)
	if err != nil {
		return nil
	}
	var todo []string
	elsewhere, over := 0, 0
	for _, link := range l.links {
		lu, err := url.Parse(link)
		switch {
		case err != nil || r.seen[link]:
		case !r.opts.AllHosts && !fetch.SameSite(page, lu):
			elsewhere++
		case len(todo) >= r.opts.MaxFollow:
			over++
		default:
			r.seen[link] = true
			todo = append(todo, link)
		}
	}
	stderr := r.opts.IO.ErrOut
	if elsewhere > 0 {
		fmt.Fprintf(stderr, "findings: %s: not following %d %s to other sites (--all-hosts follows them)\n", u, elsewhere, plural(elsewhere, "link", "links"))
	}
	if over > 0 {
		fmt.Fprintf(stderr, "findings: %s: following the first %d of %d report links (--max-follow)\n", u, len(todo), len(todo)+over)
	}
	return todo
}

// save writes a download's text, and with --raw its bytes, and says so.
func (r *run) save(u string, f fetched) error {
	name := r.name(f.doc, u)
	text := f.doc.Text
	if len(text) > 0 && text[len(text)-1] != '\n' {
		text += "\n"
	}
	files := []savedFile{{".txt", []byte(text)}}
	if r.opts.Raw {
		// A text download is its own .txt, decoded to UTF-8.
		switch f.doc.Kind {
		case source.PDF:
			files = append(files, savedFile{".pdf", f.resp.Body})
		case source.HTML:
			files = append(files, savedFile{".html", f.resp.Body})
		}
	}
	note := ""
	if f.resp.FromCache {
		note = ", not modified"
	}
	for _, file := range files {
		path := filepath.Join(r.opts.Dir, name+file.ext)
		if err := writeFile(path, file.data); err != nil {
			return err // the folder cannot be written: stop
		}
		fmt.Fprintf(r.opts.IO.Out, "saved %s (%s, from %s%s)\n", path, cmdutil.HumanSize(int64(len(file.data))), u, note)
	}
	r.saved++
	return nil
}

// savedFile is one file a download is saved as.
type savedFile struct {
	ext  string
	data []byte
}

// writeFile writes data to path atomically, readable by all as a
// downloaded file would be (the temporary file is private until renamed).
func writeFile(path string, data []byte) error {
	w, commit, err := cmdutil.OpenOutput(nil, path)
	if err != nil {
		return err
	}
	if f, ok := w.(*os.File); ok {
		f.Chmod(0o644)
	}
	if _, err := w.Write(data); err != nil {
		commit(err)
		return fmt.Errorf("output %s: %w", path, err)
	}
	return commit(nil)
}

// name picks a file name (without extension) for a document, one not used
// before in this run.
func (r *run) name(doc source.Document, u string) string {
	base := Slug(doc.Title)
	if base == "" {
		base = URLSlug(u)
	}
	name := base
	for i := 2; r.names[name]; i++ {
		name = fmt.Sprintf("%s-%d", base, i)
	}
	r.names[name] = true
	return name
}

// key is a URL as the run's dedup sees it, and as source.Links writes
// links: without its fragment, scheme and host in lower case.
func key(u string) string {
	p, err := url.Parse(u)
	if err != nil {
		return u
	}
	p.Fragment, p.RawFragment = "", ""
	p.Scheme, p.Host = strings.ToLower(p.Scheme), strings.ToLower(p.Host)
	return p.String()
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
