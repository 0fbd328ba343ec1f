# && || ! mean the same as and / or / not
print(true && false)  # expect: false
print(false || true)  # expect: true
print(!true)  # expect: false
