# a filter function that does not return a boolean
print(filter([1, 2], |x| x))
# expect error: 2:7: filter: the function must return true or false, got int
