# split cuts a string at each separator into a list of strings
print(split("a,b,c", ","))  # expect: ["a", "b", "c"]
