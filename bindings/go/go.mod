module github.com/libddbgt/libddbgt/bindings/go

go 1.19
