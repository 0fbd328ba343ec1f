# map applies a function to each element and returns a new list
print(map([1, 2, 3], |x| x * 10))  # expect: [10, 20, 30]
