# range with a zero step
print(range(0, 10, 0))
# expect error: 2:7: range: `step` must not be zero
