// Not on a module proxy yet: other modules use it from a checkout with a replace directive
// (README.md; tests/go/checkout does so in `make test`). Published, its versions are tags
// bindings/go/vX.Y.Z of the repository at this path.
module github.com/sctpx/sctpx/bindings/go

// 1.19 is Debian 12's golang-go: the package uses no newer standard library API.
go 1.19
