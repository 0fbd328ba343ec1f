# - and / group from the left
print(10 - 4 - 3)  # expect: 3
print(100 / 10 / 5)  # expect: 2.0
