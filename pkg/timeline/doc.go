// Package timeline follows each council across its inspection reports: the
// grades in date order, the grades later reports state for inspections not
// read, and the numbers (caseloads, agency staff, timeliness) that recur.
//
// A Builder takes reports one at a time and keeps a small digest of each,
// so that a folder of any size can stream through it.
package timeline
