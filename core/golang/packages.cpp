#include "core/golang/packages.hpp"

#include <array>
#include <cstddef>

namespace poolscope::golang {

namespace {

constexpr std::string_view kErrors = R"(package errors
func New(text string) error
func Is(err, target error) bool
func As(err error, target any) bool
func Unwrap(err error) error
)";

constexpr std::string_view kFmt = R"(package fmt
type Stringer interface { String() string }
func Println(a ...any) (n int, err error)
func Print(a ...any) (n int, err error)
func Printf(format string, a ...any) (n int, err error)
func Sprintf(format string, a ...any) string
func Sprint(a ...any) string
func Sprintln(a ...any) string
func Errorf(format string, a ...any) error
)";

constexpr std::string_view kTime = R"(package time
type Duration int64
const (
	Nanosecond Duration = 1
	Microsecond = 1000 * Nanosecond
	Millisecond = 1000 * Microsecond
	Second = 1000 * Millisecond
	Minute = 60 * Second
	Hour = 60 * Minute
)
func (d Duration) String() string
func (d Duration) Seconds() float64
func (d Duration) Minutes() float64
func (d Duration) Hours() float64
func (d Duration) Milliseconds() int64
func (d Duration) Microseconds() int64
func (d Duration) Nanoseconds() int64
type Time struct{}
func Now() Time
func Since(t Time) Duration
func (t Time) Sub(u Time) Duration
func (t Time) Add(d Duration) Time
func (t Time) Before(u Time) bool
func (t Time) After(u Time) bool
func Sleep(d Duration)
func After(d Duration) <-chan Time
func Tick(d Duration) <-chan Time
type Timer struct { C <-chan Time }
func NewTimer(d Duration) *Timer
func (t *Timer) Stop() bool
func (t *Timer) Reset(d Duration) bool
func AfterFunc(d Duration, f func()) *Timer
type Ticker struct { C <-chan Time }
func NewTicker(d Duration) *Ticker
func (t *Ticker) Stop()
func (t *Ticker) Reset(d Duration)
)";

constexpr std::string_view kSync = R"(package sync
type WaitGroup struct{}
func (wg *WaitGroup) Add(delta int)
func (wg *WaitGroup) Done()
func (wg *WaitGroup) Wait()
type Mutex struct{}
func (m *Mutex) Lock()
func (m *Mutex) Unlock()
func (m *Mutex) TryLock() bool
type RWMutex struct{}
func (rw *RWMutex) Lock()
func (rw *RWMutex) Unlock()
func (rw *RWMutex) RLock()
func (rw *RWMutex) RUnlock()
type Once struct{}
func (o *Once) Do(f func())
type Locker interface { Lock(); Unlock() }
)";

constexpr std::string_view kAtomic = R"(package atomic
func AddInt32(addr *int32, delta int32) (new int32)
func AddInt64(addr *int64, delta int64) (new int64)
func AddUint32(addr *uint32, delta uint32) (new uint32)
func AddUint64(addr *uint64, delta uint64) (new uint64)
func LoadInt32(addr *int32) (val int32)
func LoadInt64(addr *int64) (val int64)
func LoadUint32(addr *uint32) (val uint32)
func LoadUint64(addr *uint64) (val uint64)
func StoreInt32(addr *int32, val int32)
func StoreInt64(addr *int64, val int64)
func StoreUint32(addr *uint32, val uint32)
func StoreUint64(addr *uint64, val uint64)
func CompareAndSwapInt32(addr *int32, old, new int32) (swapped bool)
func CompareAndSwapInt64(addr *int64, old, new int64) (swapped bool)
func CompareAndSwapUint32(addr *uint32, old, new uint32) (swapped bool)
func CompareAndSwapUint64(addr *uint64, old, new uint64) (swapped bool)
func SwapInt32(addr *int32, new int32) (old int32)
func SwapInt64(addr *int64, new int64) (old int64)
type Int32 struct{}
func (x *Int32) Add(delta int32) (new int32)
func (x *Int32) Load() int32
func (x *Int32) Store(val int32)
func (x *Int32) Swap(new int32) (old int32)
func (x *Int32) CompareAndSwap(old, new int32) (swapped bool)
type Int64 struct{}
func (x *Int64) Add(delta int64) (new int64)
func (x *Int64) Load() int64
func (x *Int64) Store(val int64)
func (x *Int64) Swap(new int64) (old int64)
func (x *Int64) CompareAndSwap(old, new int64) (swapped bool)
type Uint32 struct{}
func (x *Uint32) Add(delta uint32) (new uint32)
func (x *Uint32) Load() uint32
func (x *Uint32) Store(val uint32)
func (x *Uint32) Swap(new uint32) (old uint32)
func (x *Uint32) CompareAndSwap(old, new uint32) (swapped bool)
type Uint64 struct{}
func (x *Uint64) Add(delta uint64) (new uint64)
func (x *Uint64) Load() uint64
func (x *Uint64) Store(val uint64)
func (x *Uint64) Swap(new uint64) (old uint64)
func (x *Uint64) CompareAndSwap(old, new uint64) (swapped bool)
type Bool struct{}
func (x *Bool) Load() bool
func (x *Bool) Store(val bool)
func (x *Bool) Swap(new bool) (old bool)
func (x *Bool) CompareAndSwap(old, new bool) (swapped bool)
)";

constexpr std::string_view kContext = R"(package context
import "time"
type Context interface {
	Deadline() (deadline time.Time, ok bool)
	Done() <-chan struct{}
	Err() error
	Value(key any) any
}
type CancelFunc func()
var Canceled error
var DeadlineExceeded error
func Background() Context
func TODO() Context
func WithCancel(parent Context) (ctx Context, cancel CancelFunc)
func WithTimeout(parent Context, timeout time.Duration) (Context, CancelFunc)
func WithDeadline(parent Context, d time.Time) (Context, CancelFunc)
func WithValue(parent Context, key, val any) Context
)";

constexpr std::string_view kErrgroup = R"(package errgroup
import "context"
type Group struct{}
func WithContext(ctx context.Context) (*Group, context.Context)
func (g *Group) Go(f func() error)
func (g *Group) Wait() error
func (g *Group) SetLimit(n int)
func (g *Group) TryGo(f func() error) bool
)";

constexpr std::string_view kRuntime = R"(package runtime
func NumGoroutine() int
func NumCPU() int
func GOMAXPROCS(n int) int
func Gosched()
)";

constexpr std::string_view kRand = R"(package rand
func Seed(seed int64)
func Int() int
func Intn(n int) int
func Int31() int32
func Int31n(n int32) int32
func Int63() int64
func Int63n(n int64) int64
func Float64() float64
func Perm(n int) []int
func Shuffle(n int, swap func(i, j int))
)";

constexpr std::string_view kStrings = R"(package strings
func Repeat(s string, count int) string
func Join(elems []string, sep string) string
func Split(s, sep string) []string
func Contains(s, substr string) bool
func ToUpper(s string) string
func ToLower(s string) string
func HasPrefix(s, prefix string) bool
func HasSuffix(s, suffix string) bool
func TrimSpace(s string) string
func TrimPrefix(s, prefix string) string
func TrimSuffix(s, suffix string) string
func Fields(s string) []string
func Index(s, substr string) int
func Count(s, substr string) int
func ReplaceAll(s, old, new string) string
type Builder struct{}
func (b *Builder) WriteString(s string) (int, error)
func (b *Builder) WriteByte(c byte) error
func (b *Builder) WriteRune(r rune) (int, error)
func (b *Builder) String() string
func (b *Builder) Len() int
func (b *Builder) Reset()
)";

constexpr std::string_view kStrconv = R"(package strconv
func Itoa(i int) string
func Atoi(s string) (int, error)
func FormatInt(i int64, base int) string
func Quote(s string) string
)";

constexpr std::string_view kSort = R"(package sort
func Ints(x []int)
func Strings(x []string)
func Float64s(x []float64)
func Slice(x any, less func(i, j int) bool)
func SliceStable(x any, less func(i, j int) bool)
)";

constexpr std::string_view kMath = R"(package math
const (
	MaxInt = 1<<63 - 1
	MinInt = -1 << 63
	MaxInt8 = 1<<7 - 1
	MinInt8 = -1 << 7
	MaxInt16 = 1<<15 - 1
	MinInt16 = -1 << 15
	MaxInt32 = 1<<31 - 1
	MinInt32 = -1 << 31
	MaxInt64 = 1<<63 - 1
	MinInt64 = -1 << 63
	MaxUint8 = 1<<8 - 1
	MaxUint16 = 1<<16 - 1
	MaxUint32 = 1<<32 - 1
	MaxUint64 = 1<<64 - 1
	Pi = 3.14159265358979323846264338327950288419716939937510582097494459
	E = 2.71828182845904523536028747135266249775724709369995957496696763
)
func Sqrt(x float64) float64
func Max(x, y float64) float64
func Min(x, y float64) float64
func Abs(x float64) float64
func Floor(x float64) float64
func Ceil(x float64) float64
func Round(x float64) float64
func Trunc(x float64) float64
func Pow(x, y float64) float64
func Log(x float64) float64
func Exp(x float64) float64
func Mod(x, y float64) float64
func Inf(sign int) float64
func IsInf(f float64, sign int) bool
func IsNaN(f float64) bool
func NaN() float64
)";

constexpr std::string_view kOs = R"(package os
var Args []string
func Exit(code int)
)";

constexpr std::array<LibraryPackage, 14> kPackages = {{
    {"errors", "errors", kErrors},
    {"fmt", "fmt", kFmt},
    {"time", "time", kTime},
    {"sync", "sync", kSync},
    {"sync/atomic", "atomic", kAtomic},
    {"context", "context", kContext},
    {"golang.org/x/sync/errgroup", "errgroup", kErrgroup},
    {"runtime", "runtime", kRuntime},
    {"math/rand", "rand", kRand},
    {"strings", "strings", kStrings},
    {"strconv", "strconv", kStrconv},
    {"sort", "sort", kSort},
    {"math", "math", kMath},
    {"os", "os", kOs},
}};

}  // namespace

const LibraryPackage* library_packages(std::size_t& count) noexcept {
  count = kPackages.size();
  return kPackages.data();
}

const LibraryPackage* find_library_package(std::string_view path) noexcept {
  for (const LibraryPackage& p : kPackages) {
    if (p.path == path) return &p;
  }
  return nullptr;
}

}  // namespace poolscope::golang
