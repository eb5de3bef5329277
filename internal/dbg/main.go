package main

import (
	"fmt"
	"os"

	"github.com/findings/findings/pkg/clean"
)

func main() {
	b, _ := os.ReadFile(os.Args[1])
	for _, bl := range clean.Blocks(string(b)) {
		c := " "
		if bl.Chrome {
			c = "X"
		}
		t := bl.Text
		if len(t) > 150 {
			t = t[:150]
		}
		fmt.Printf("%s %-9s p%d [%s] %s\n", c, bl.Kind, bl.Page, bl.Section, t)
	}
}
