# a lambda body may be a block; its value is the block's last expression
let f = |x| {
    let y = x * 2
    y + 1
}
print(f(5))  # expect: 11
