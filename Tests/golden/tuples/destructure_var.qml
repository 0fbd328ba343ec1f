# var (a, b) = ... makes both names mutable
var (lo, hi) = (0, 10)
lo = 5
print(lo)  # expect: 5
print(hi)  # expect: 10
