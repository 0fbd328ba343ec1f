# starts_with and ends_with test a prefix and a suffix
print(starts_with("qubit", "qu"))  # expect: true
print(ends_with("qubit", "bit"))  # expect: true
print(starts_with("qubit", "bit"))  # expect: false
