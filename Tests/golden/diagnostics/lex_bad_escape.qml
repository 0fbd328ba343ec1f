# an unknown escape in a string
print("tab\q")
# expect error: 2:11: unknown escape sequence `\q`
