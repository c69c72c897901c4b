package main

import "io"

// runSearch is a stub until its stage lands.
func runSearch(args []string, stdout, stderr io.Writer) int { return 2 }
