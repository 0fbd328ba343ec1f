# integer overflow inside sum
print(sum([9223372036854775807, 1]))
# expect error: 2:7: sum: integer overflow while summing
