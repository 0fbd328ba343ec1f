# for visits the elements of a list in order
for x in [3, 1, 2] { print(x) }
# expect: 3
# expect: 1
# expect: 2
