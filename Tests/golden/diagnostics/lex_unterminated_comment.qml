# an unterminated block comment
print(1)
#[ never closed
print(2)
# expect error: 3:1: unterminated block comment
