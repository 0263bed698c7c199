module github.com/sctpx/sctpx/benches/go

go 1.19

require github.com/sctpx/sctpx/bindings/go v0.0.0

replace github.com/sctpx/sctpx/bindings/go => ../../bindings/go
