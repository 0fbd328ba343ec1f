# patterns nest
let (x, (y, z)) = (1, (2, 3))
print(x + y + z)  # expect: 6
