# converting a non-number string
print(int("abc"))
# expect error: 2:7: int: cannot convert "abc" to an integer
