// Package clean turns a document's text into blocks (headings, paragraphs,
// bullets and table rows) with their section and page, and marks what is not
// the report: web-page chrome, page furniture and the inspectorate's
// boilerplate. It repairs what PDF conversion breaks (hyphenation, page
// footers, form feeds, odd bullets) and keeps every block's offsets into the
// document, so that later stages can point back at the text.
package clean
