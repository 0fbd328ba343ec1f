# records nest with lists and tuples
print({a: {b: [1, 2]}, c: (1, "x")})  # expect: {a: {b: [1, 2]}, c: (1, "x")}
