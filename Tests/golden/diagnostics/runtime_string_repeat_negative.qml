# repeating a string a negative number of times
print("ab" * -1)
# expect error: 2:12: cannot repeat a string a negative number of times (-1)
