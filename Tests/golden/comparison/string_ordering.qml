# strings order lexicographically
print("apple" < "banana")  # expect: true
print("b" > "a")  # expect: true
print("ab" < "a")  # expect: false
