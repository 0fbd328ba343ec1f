# non-string values are interpolated in their display form
print("{1.5} {true} {nil}")  # expect: 1.5 true nil
print("{[1, 2]}")  # expect: [1, 2]
let xs = ["a"]
print("{xs}")  # expect: ["a"]
