# a function body with several statements and local names
fn hypot_sq(a, b) {
    let aa = a * a
    let bb = b * b
    aa + bb
}
print(hypot_sq(3, 4))  # expect: 25
