# a builtin given the wrong kind of argument
print(sqrt("four"))
# expect error: 2:7: sqrt: `x` must be a number, got string
