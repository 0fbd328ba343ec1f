# ^ is right-associative: 2 ^ 3 ^ 2 is 2 ^ 9
print(2 ^ 3 ^ 2)  # expect: 512
