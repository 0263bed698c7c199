module github.com/sctpx/sctpx/bindings/go

// 1.19 is Debian 12's golang-go: the package uses no newer standard library API.
go 1.19
