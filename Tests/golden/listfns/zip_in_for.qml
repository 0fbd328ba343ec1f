# zip in a for loop with a tuple pattern
for (x, y) in zip([1, 2, 3], [10, 20, 30]) { print(x + y) }
# expect: 11
# expect: 22
# expect: 33
