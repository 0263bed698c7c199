package sctpx

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// What the binding deliberately leaves out of include/sctpx.h.
var notBound = map[string]string{
	"sctpx_version":        "the module version says it",
	"sctpx_kind":           "*Conn and *OneToManyConn are the kinds",
	"sctpx_open_tcp":       "sctpx_open with SCTPX_BACKEND_AUTO opens the same socket",
	"sctpx_open_udp":       "sctpx_open with SCTPX_BACKEND_AUTO opens the same socket",
	"sctpx_bind":           "Bindx binds one address as well as several",
	"sctpx_send_stream":    "WriteMsg and Send take the stream and PPID",
	"SCTPX_H":              "include guard",
	"SCTPX_VERSION_MAJOR":  "version of the library",
	"SCTPX_VERSION_MINOR":  "version of the library",
	"SCTPX_VERSION_PATCH":  "version of the library",
	"SCTPX_VERSION_STRING": "version of the library",
	"SCTPX_OK":             "nil error",
}

// Every function and constant of the header is used by the binding (a Go
// constant derived from it, a call), unless notBound says why not: a
// header change that adds one fails here until the binding catches up.
func TestEveryHeaderFunctionAndConstantIsBound(t *testing.T) {
	// go test runs in bindings/go; tests/vm/run by hand often in the root.
	pkg := "."
	if _, err := os.Stat("bindings/go/doc.go"); err == nil {
		pkg = "bindings/go"
	}
	header, err := os.ReadFile(filepath.Join(pkg, "../../include/sctpx.h"))
	if err != nil {
		t.Fatalf("run the tests in the source tree (its root or bindings/go): %v", err)
	}
	sources, err := filepath.Glob(filepath.Join(pkg, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	var code strings.Builder
	for _, name := range sources {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		code.Write(b)
	}
	constants := regexp.MustCompile(`(?m)^#define (SCTPX_\w+)`).FindAllSubmatch(header, -1)
	functions := regexp.MustCompile(`(?m)^[a-z].*?\b(sctpx?_\w+)\(`).FindAllSubmatch(header, -1)
	if len(constants) < 100 || len(functions) < 40 {
		t.Fatalf("found %d constants and %d functions in the header: the patterns are stale", len(constants), len(functions))
	}
	used := regexp.MustCompile(`\bC\.(sctpx?_\w+|SCTPX_\w+)\b`).FindAllStringSubmatch(code.String(), -1)
	bound := map[string]bool{}
	for _, m := range used {
		bound[m[1]] = true
	}
	for _, m := range append(constants, functions...) {
		name := string(m[1])
		if _, skip := notBound[name]; !bound[name] && !skip {
			t.Errorf("%s (include/sctpx.h) has no Go counterpart", name)
		}
	}
}
