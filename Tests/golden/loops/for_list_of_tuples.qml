# a tuple pattern takes apart each element of a list of tuples
for (name, n) in [("a", 1), ("b", 2)] { print(name + str(n)) }
# expect: a1
# expect: b2
