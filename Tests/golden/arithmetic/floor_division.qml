# // on integers is integer division
print(7 // 2)  # expect: 3
print(9 // 3)  # expect: 3
print(type(7 // 2))  # expect: int
