package main

import "io"

// runServe is a stub until its stage lands.
func runServe(args []string, stdout, stderr io.Writer) int { return 2 }
