package main

import (
	"errors"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"runtime/trace"
)

// profiles are the --cpuprofile, --memprofile and --trace flags of a
// command: files for `go tool pprof` of where a run spends its time and
// memory, and for `go tool trace` of what runs on which core when.
type profiles struct{ cpu, mem, trace string }

// start begins the CPU profile and the trace; the returned function ends
// them and writes the heap profile. Each is a no-op when its flag is
// empty.
func (p profiles) start() (stop func() error, err error) {
	var cpu, tr *os.File
	if p.cpu != "" {
		if cpu, err = os.Create(p.cpu); err != nil {
			return nil, fmt.Errorf("cpu profile: %w", err)
		}
		if err := pprof.StartCPUProfile(cpu); err != nil {
			cpu.Close()
			return nil, fmt.Errorf("cpu profile: %w", err)
		}
	}
	if p.trace != "" {
		if tr, err = os.Create(p.trace); err == nil {
			if err = trace.Start(tr); err != nil {
				tr.Close()
			}
		}
		if err != nil {
			if cpu != nil {
				pprof.StopCPUProfile()
				cpu.Close()
			}
			return nil, fmt.Errorf("trace: %w", err)
		}
	}
	return func() error {
		var errs []error
		if tr != nil {
			trace.Stop()
			if err := tr.Close(); err != nil {
				errs = append(errs, fmt.Errorf("trace: %w", err))
			}
		}
		if cpu != nil {
			pprof.StopCPUProfile()
			if err := cpu.Close(); err != nil {
				errs = append(errs, fmt.Errorf("cpu profile: %w", err))
			}
		}
		if p.mem != "" {
			errs = append(errs, writeMemProfile(p.mem))
		}
		return errors.Join(errs...)
	}, nil
}

// writeMemProfile writes the allocations profile to the file name.
func writeMemProfile(name string) error {
	f, err := os.Create(name)
	if err != nil {
		return fmt.Errorf("memory profile: %w", err)
	}
	runtime.GC()
	if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
		f.Close()
		return fmt.Errorf("memory profile: %w", err)
	}
	return f.Close()
}
