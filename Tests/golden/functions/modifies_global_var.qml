# a function can change a top-level var
var total = 0
fn add(x) { total += x }
add(5)
add(7)
print(total)  # expect: 12
