# arithmetic binds tighter than comparison
print(1 + 1 == 2)  # expect: true
print(2 * 3 > 5)  # expect: true
