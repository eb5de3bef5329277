package source

import "testing"

func TestSniff(t *testing.T) {
	tests := []struct {
		name string
		head string
		want Kind
	}{
		{"pdf", "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", PDF},
		{"pdf after junk", "junk\r\n%PDF-1.4\n", PDF},
		{"pdf 2.0", "%PDF-2.0\n", PDF},
		{"doctype", "<!DOCTYPE html>\n<html lang=\"en\">", HTML},
		{"doctype lower case", "<!doctype html><title>x</title>", HTML},
		{"html tag after space", "\n\n   <html>\n<head>", HTML},
		{"head first", "<head><meta charset=utf-8>", HTML},
		{"comment first", "<!-- saved from url=(0042)https://example.org -->\n<html>", HTML},
		{"xml declaration", "<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">", HTML},
		{"bom then html", "\xEF\xBB\xBF<!DOCTYPE html>", HTML},
		{"text", "Inspection of Anytown local authority children's services\n", Text},
		{"text with a tag later", "Notes on the <html> element\n", Text},
		{"text starting with a less-than", "<bread and butter>", Text},
		{"windows-1252 text", "Children\x92s services\n", Text},
		{"utf-16 text", "\xFF\xFEI\x00n\x00", Text},
		{"png", "\x89PNG\r\n\x1a\n\x00\x00", Binary},
		{"jpeg", "\xFF\xD8\xFF\xE0\x00\x10JFIF", Binary},
		{"zip", "PK\x03\x04\x14\x00", Binary},
		{"gzip", "\x1F\x8B\x08\x00", Binary},
		{"nul bytes", "abc\x00def", Binary},
		{"control bytes", "\x01\x02\x03\x04\x05\x06\x07\x08abc", Binary},
		{"empty", "", Text},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Sniff([]byte(tt.head)); got != tt.want {
				t.Errorf("Sniff(%q) = %s, want %s", tt.head, got, tt.want)
			}
		})
	}
}
