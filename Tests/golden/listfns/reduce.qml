# reduce(xs, init, f) folds from the left with f(acc, x)
print(reduce([1, 2, 3, 4], 0, |acc, x| acc + x))  # expect: 10
print(reduce(["a", "b", "c"], "", |acc, s| acc + s))  # expect: abc
print(reduce([1, 2, 3], 10, |acc, x| acc - x))  # expect: 4
