# a closure passed to map
fn multiplier(k) { |x| x * k }
let triple = multiplier(3)
print(map([1, 2, 3], triple))  # expect: [3, 6, 9]
