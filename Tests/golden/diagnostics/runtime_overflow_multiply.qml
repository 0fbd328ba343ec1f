# integer overflow in multiplication
print(4611686018427387904 * 4)
# expect error: 2:27: integer overflow in 4611686018427387904 * 4
