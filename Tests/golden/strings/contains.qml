# contains on a string looks for a substring
print(contains("hello", "ell"))  # expect: true
print(contains("hello", "xyz"))  # expect: false
