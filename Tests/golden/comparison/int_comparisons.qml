# the six comparison operators on integers
print(1 < 2)  # expect: true
print(2 <= 2)  # expect: true
print(3 > 4)  # expect: false
print(3 >= 4)  # expect: false
print(5 == 5)  # expect: true
print(5 != 5)  # expect: false
