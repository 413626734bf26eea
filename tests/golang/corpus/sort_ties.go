// sort.Slice is not stable: which of the equal elements comes first is Go's pdqsort's
// doing, here on 60 items with ten distinct keys (and on a shuffled, a reversed and an
// almost sorted slice); SliceStable keeps equal ones in order. Float64s puts NaN first.
package main

import (
	"fmt"
	"math"
	"sort"
)

type item struct {
	key, id int
}

func main() {
	items := make([]item, 60)
	for i := range items {
		items[i] = item{(i * 7) % 10, i}
	}
	sort.Slice(items, func(i, j int) bool { return items[i].key < items[j].key })
	fmt.Println(items)

	for _, n := range []int{13, 50, 51, 200} {
		rev := make([]item, n)
		for i := range rev {
			rev[i] = item{(n - i) / 3, i}
		}
		sort.Slice(rev, func(i, j int) bool { return rev[i].key < rev[j].key })
		ids := make([]int, 0, n)
		for _, it := range rev {
			ids = append(ids, it.id)
		}
		fmt.Println(n, ids)
	}

	almost := make([]item, 100)
	for i := range almost {
		almost[i] = item{i / 2, i}
	}
	almost[10], almost[90] = almost[90], almost[10]
	sort.Slice(almost, func(i, j int) bool { return almost[i].key < almost[j].key })
	fmt.Println(almost[5:15], almost[85:95])

	stable := make([]item, 70)
	for i := range stable {
		stable[i] = item{(i * 13) % 5, i}
	}
	sort.SliceStable(stable, func(i, j int) bool { return stable[i].key < stable[j].key })
	fmt.Println(stable)

	calls := 0
	big := make([]int, 1000)
	for i := range big {
		big[i] = (i * 7919) % 1000
	}
	sort.Slice(big, func(i, j int) bool { calls++; return big[i] < big[j] })
	fmt.Println(big[:5], big[995:], calls)

	zero := 0.0
	fs := []float64{3, math.NaN(), -1, -zero, 0, 2, math.Inf(-1), math.NaN(), zero, -zero}
	sort.Float64s(fs)
	fmt.Println(fs)
}
