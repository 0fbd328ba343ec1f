# and / or on booleans
print(true and false)  # expect: false
print(true and true)  # expect: true
print(true or false)  # expect: true
print(false or false)  # expect: false
