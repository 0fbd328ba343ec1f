# replace substitutes every occurrence of a substring
print(replace("a-b-c", "-", "+"))  # expect: a+b+c
