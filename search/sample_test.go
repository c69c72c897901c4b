package search

func closeSample() {}
