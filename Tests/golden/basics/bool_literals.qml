# true and false are literals
print(true)  # expect: true
print(false)  # expect: false
