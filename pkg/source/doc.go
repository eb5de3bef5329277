// Package source turns command-line arguments into documents: it finds the
// files, reads standard input, decodes the bytes into text, and says
// clearly why a document cannot be read. It is the only package that does
// I/O on documents.
package source
