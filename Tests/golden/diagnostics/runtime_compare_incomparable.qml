# ordering values that cannot be compared
print([1] < 2)
# expect error: 2:11: cannot compare list and int
