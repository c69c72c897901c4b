package main

import "io"

func runBuild(args []string, stdout, stderr io.Writer) int  { return 2 }
func runServe(args []string, stdout, stderr io.Writer) int  { return 2 }
func runSearch(args []string, stdout, stderr io.Writer) int { return 2 }
func runCheck(args []string, stdout, stderr io.Writer) int  { return 2 }
