# 9223372036854775808 is only valid as the magnitude of the smallest integer, after a minus
print(9223372036854775808)
# expect error: 2:7: integer literal is too large
