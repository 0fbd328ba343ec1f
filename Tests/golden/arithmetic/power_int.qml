# ^ raises to a power; integer ^ non-negative integer stays an integer
print(2 ^ 10)  # expect: 1024
print(3 ^ 0)  # expect: 1
print(10 ^ 3)  # expect: 1000
