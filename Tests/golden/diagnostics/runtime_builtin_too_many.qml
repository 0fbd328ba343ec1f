# a builtin given too many arguments
print(len([1], [2]))
# expect error: 2:7: `len` takes at most 1 argument but 2 were given
