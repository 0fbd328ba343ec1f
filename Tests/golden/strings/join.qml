# join glues a list of strings with a separator
print(join(["a", "b", "c"], "-"))  # expect: a-b-c
