// A server loop with a ticker stops when its context times out; main counts the beats it sent.
package main

import (
	"context"
	"fmt"
	"time"
)

func serve(ctx context.Context, beats chan<- int) error {
	ticker := time.NewTicker(40 * time.Millisecond)
	defer ticker.Stop()
	defer close(beats)
	n := 0
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-ticker.C:
			n++
			select {
			case beats <- n:
			default:
			}
		}
	}
}

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	beats := make(chan int, 10)
	errc := make(chan error, 1)
	go func() { errc <- serve(ctx, beats) }()
	count := 0
	for range beats {
		count++
	}
	fmt.Println("beats:", count)
	fmt.Println("server stopped:", <-errc)
}
