# return leaves the function with a value before its end
fn sign_of(x) {
    if x < 0 { return -1 }
    if x == 0 { return 0 }
    1
}
print(sign_of(-5))  # expect: -1
print(sign_of(0))  # expect: 0
print(sign_of(9))  # expect: 1
