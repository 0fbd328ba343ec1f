# min of an empty list
print(min([]))
# expect error: 2:7: min: empty sequence has no minimum
