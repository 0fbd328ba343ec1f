# \n in a string is a line break
print("a\nb")
# expect: a
# expect: b
