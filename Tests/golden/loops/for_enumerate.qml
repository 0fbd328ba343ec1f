# for (i, x) in enumerate(xs) gives index and element
for (i, x) in enumerate(["a", "b"]) { print("{i}:{x}") }
# expect: 0:a
# expect: 1:b
