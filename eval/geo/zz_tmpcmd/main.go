package main

import (
	"context"
	"fmt"
	"os"

	egeo "newsgraph/eval/geo"
	"newsgraph/stages"
)

func main() {
	p, err := stages.Default(stages.Config{})
	if err != nil {
		panic(err)
	}
	res, err := egeo.RunMisses(context.Background(), os.Args[1], p.Process, os.Stderr)
	if err != nil {
		panic(err)
	}
	fmt.Println(res.Toponyms, res.Within161, res.Resolved)
}
