# filter keeps the elements for which the function returns true
print(filter([1, 2, 3, 4, 5], |x| x % 2 == 1))  # expect: [1, 3, 5]
