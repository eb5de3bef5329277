// Package ofsted is the inspectorate's fixed vocabulary, kept as data: the
// grades it gives, with the words reports write them in, and the councils
// of England it inspects, with the names reports give them.
//
// It imports nothing of the project, so that clean, extract and timeline
// read one list each: a grade word or a council is written once.
package ofsted
